package dev.issuecommand.github;

/** GitHub answered 404 (or 410): the repository or issue does not exist or the token cannot see it. */
public class GitHubNotFoundException extends RuntimeException {

    public GitHubNotFoundException(String message) {
        super(message);
    }
}
