package dev.issuecommand.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Respects GitHub's rate limit (docs/behaviour.md §6): after a {@code 403}/{@code 429} with {@code Retry-After}, or
 * an answer with {@code X-RateLimit-Remaining: 0}, no call leaves until the reset; meanwhile callers get a 503 at once.
 */
@ApplicationScoped
public class RateLimitGate {

    /** Back-off when GitHub says it is limiting but not for how long. */
    static final long DEFAULT_BACKOFF_MS = 60_000;
    /** Never wait longer than this on GitHub's word: a wrong clock should not stop us for hours. */
    static final long MAX_BACKOFF_MS = 3_600_000;

    @Inject
    Clock clock;

    private volatile long closedUntil;

    /** Throws a 503 while backing off. */
    public void check() {
        long wait = closedUntil - clock.millis();
        if (wait > 0) {
            int seconds = (int) Math.max(1, (wait + 999) / 1000);
            throw new GitHubUnavailableException("GitHub rate limit reached; calls resume in " + seconds + " s", 503,
                    seconds);
        }
    }

    /** Learns from one answer; returns true when that answer was itself a rate-limit refusal. */
    public boolean observe(int status, Function<String, Optional<String>> header) {
        long now = clock.millis();
        OptionalLong until = backoffUntil(status, header, now);
        until.ifPresent(at -> closedUntil = Math.max(closedUntil, at));
        return until.isPresent() && limited(status, header);
    }

    /** Until when to stop calling after an answer with {@code status} and these headers, if at all. */
    static OptionalLong backoffUntil(int status, Function<String, Optional<String>> header, long now) {
        Optional<Long> retryAfter = header.apply("Retry-After").flatMap(RateLimitGate::number);
        boolean exhausted = header.apply("X-RateLimit-Remaining").flatMap(RateLimitGate::number)
                .map(n -> n <= 0).orElse(false);
        Optional<Long> reset = header.apply("X-RateLimit-Reset").flatMap(RateLimitGate::number);
        if (!limited(status, header) && !(exhausted && status >= 200 && status < 300)) {
            return OptionalLong.empty();
        }
        long wait;
        if (retryAfter.isPresent()) {
            wait = retryAfter.get() * 1000;
        } else if (exhausted && reset.isPresent()) {
            wait = reset.get() * 1000 - now;
        } else {
            wait = DEFAULT_BACKOFF_MS;
        }
        return OptionalLong.of(now + Math.min(MAX_BACKOFF_MS, Math.max(1000, wait)));
    }

    private static boolean limited(int status, Function<String, Optional<String>> header) {
        if (status == 429) {
            return true;
        }
        return status == 403 && (header.apply("Retry-After").isPresent()
                || header.apply("X-RateLimit-Remaining").flatMap(RateLimitGate::number).map(n -> n <= 0).orElse(false));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
