package dev.issuecommand.claims.entity;

/** A repository outside {@code ALLOWED_REPOS}: the HTTP answer is 403 {@code invalid_repo}, the MCP answer a refusal. */
public class RepoNotAllowedException extends RuntimeException {

    public RepoNotAllowedException(String repo) {
        super("Repository " + repo + " is not in ALLOWED_REPOS", null, false, false);
    }
}
