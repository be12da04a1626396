package dev.issuecommand.github;

/** GitHub could not answer (network error, timeout, 5xx, rate limit, bad credentials): the API answers 502/503. */
public class GitHubUnavailableException extends RuntimeException {

    private final int status;

    /** @param status the HTTP status our API should answer: 502 for a failed call, 503 while GitHub is rate limiting or unreachable */
    public GitHubUnavailableException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
