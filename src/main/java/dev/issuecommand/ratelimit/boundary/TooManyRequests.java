package dev.issuecommand.ratelimit.boundary;

import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import dev.issuecommand.ratelimit.entity.Verdict;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 429 answer: {@code Retry-After} and {@code {ok:false, error:"rate_limited", scope, retry_after_seconds}}. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Response of(Verdict verdict) {
        String detail = "Rate limit exceeded (" + verdict.scope() + "); retry in " + verdict.retryAfterSeconds() + " s";
        return ProblemResponses.builder(Problem.of(429, "rate_limited", "Too many requests", detail)
                        .withRateLimit(verdict.scope(), verdict.retryAfterSeconds()))
                .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds())
                .build();
    }
}
