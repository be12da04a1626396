package dev.issuecommand.github;

/** GitHub could not answer (network error, timeout, 5xx, rate limit, bad credentials): the API answers 502/503. */
public class GitHubUnavailableException extends RuntimeException {

    private final int status;
    private final Integer retryAfterSeconds;

    /** @param status the HTTP status our API should answer: 502 for a failed call, 503 while GitHub is rate limiting or unreachable */
    public GitHubUnavailableException(String message, int status) {
        this(message, status, null);
    }

    /** @param retryAfterSeconds when a caller may try again (rate limit back-off), or null when unknown */
    public GitHubUnavailableException(String message, int status, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds until GitHub calls resume, when known (our answer then carries {@code Retry-After}). */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
