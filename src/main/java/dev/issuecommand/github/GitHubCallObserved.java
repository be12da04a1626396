package dev.issuecommand.github;

/**
 * One HTTP exchange with GitHub, fired as a synchronous CDI event by {@link GitHubTransport} so that other features
 * (metrics) can count calls without this package knowing them; {@code status} is GitHub's status code, or
 * {@link #NO_ANSWER} when the exchange failed before an answer came (network error).
 */
public record GitHubCallObserved(int status) {

    /** The status of an exchange that got no answer. */
    public static final int NO_ANSWER = 0;

    /** True when GitHub answered with a status code. */
    public boolean answered() {
        return status != NO_ANSWER;
    }
}
