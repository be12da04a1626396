package dev.issuecommand.github;

/**
 * GitHub answered 403 without a rate-limit sign: the token may read but not do this (no write access to the
 * repository). Our API answers it as any other failed GitHub call (502).
 */
public class GitHubForbiddenException extends GitHubUnavailableException {

    public GitHubForbiddenException(String message) {
        super(message, 502);
    }
}
