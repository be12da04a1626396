package dev.issuecommand.github;

/** A failure worth retrying: a network error or a 5xx from GitHub. Counts against the circuit breaker. */
public class GitHubTransientException extends GitHubUnavailableException {

    public GitHubTransientException(String message, int status) {
        super(message, status);
    }
}
