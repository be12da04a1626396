/**
 * The GitHub REST client (docs/behaviour.md §6), a leaf that knows nothing of claims or follow-ups; GitHub's JSON never
 * leaves it.
 * <p>
 * Design decisions:
 * <ul>
 * <li>{@link dev.issuecommand.github.GitHubTransport} is the only class that talks HTTP and the only place with
 * MicroProfile Fault Tolerance: a timeout, a retry with a jittered delay on network errors, timeouts and 5xx only,
 * and a circuit breaker. A 4xx is never retried and never trips the breaker. Fault Tolerance needs the CDI proxy, so
 * the annotations sit on a bean that {@link dev.issuecommand.github.GitHubHttp} injects. It fires one synchronous
 * {@code GitHubCallObserved} per exchange (one small record, no other work on the call path).</li>
 * <li>Conditional requests: every GET remembers its {@code ETag} and body ({@link dev.issuecommand.github.EtagCache},
 * bounded in entries and size); the next GET of the same URL sends {@code If-None-Match} and a {@code 304}, which
 * costs no rate limit, reuses the body and the next-page link.</li>
 * <li>Rate limit: {@link dev.issuecommand.github.RateLimitGate} stops every call until the reset after a 403/429 with
 * {@code Retry-After} or an answer with {@code X-RateLimit-Remaining: 0}; meanwhile callers get 503 at once with
 * {@code Retry-After}, instead of hammering GitHub.</li>
 * <li>Errors are two exceptions: {@code GitHubNotFoundException} (404) and {@code GitHubUnavailableException}
 * (502/503, {@code github_unavailable}); the transient subclass marks what may be retried, the forbidden one a 403
 * that is no rate limit (the token may not do this).</li>
 * <li>Writes: closing an issue, and for claims mirrored on GitHub (docs/behaviour.md §19) comments (listed with their
 * ids, created, edited) and labels (added, removed). Creating a comment is the one request sent once, never retried
 * ({@code GitHubTransport.exchangeOnce}): GitHub would post it twice.</li>
 * </ul>
 */
package dev.issuecommand.github;
