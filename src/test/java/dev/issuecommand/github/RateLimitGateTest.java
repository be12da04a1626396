package dev.issuecommand.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

    private static final long NOW = 1_800_000_000_000L;

    private static Function<String, Optional<String>> headers(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void retryAfterOn429Or403StopsCallsForThatLong() {
        assertThat(RateLimitGate.backoffUntil(429, headers(Map.of("Retry-After", "7")), NOW)).hasValue(NOW + 7_000);
        assertThat(RateLimitGate.backoffUntil(403, headers(Map.of("Retry-After", "2")), NOW)).hasValue(NOW + 2_000);
    }

    @Test
    void exhaustedQuotaWaitsForTheReset() {
        String reset = String.valueOf(NOW / 1000 + 120);
        assertThat(RateLimitGate.backoffUntil(403, headers(Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", reset)), NOW)).hasValue(NOW + 120_000);
        assertThat(RateLimitGate.backoffUntil(200, headers(Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", reset)), NOW)).as("the last allowed call succeeded").hasValue(NOW + 120_000);
    }

    @Test
    void aPlainForbiddenOrAHealthyAnswerIsNoRateLimit() {
        assertThat(RateLimitGate.backoffUntil(403, headers(Map.of()), NOW)).isEmpty();
        assertThat(RateLimitGate.backoffUntil(200, headers(Map.of("X-RateLimit-Remaining", "4999")), NOW)).isEmpty();
        assertThat(RateLimitGate.backoffUntil(404, headers(Map.of()), NOW)).isEmpty();
    }

    @Test
    void a429WithoutHintsBacksOffByDefaultAndHugeWaitsAreCapped() {
        assertThat(RateLimitGate.backoffUntil(429, headers(Map.of()), NOW)).hasValue(NOW + RateLimitGate.DEFAULT_BACKOFF_MS);
        assertThat(RateLimitGate.backoffUntil(429, headers(Map.of("Retry-After", "999999")), NOW))
                .hasValue(NOW + RateLimitGate.MAX_BACKOFF_MS);
    }

    @Test
    void theGateAnswers503WithRetryAfterUntilTheReset() {
        RateLimitGate gate = new RateLimitGate();
        gate.clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        gate.check();
        assertThat(gate.observe(429, headers(Map.of("Retry-After", "3")))).isTrue();
        assertThatThrownBy(gate::check).isInstanceOfSatisfying(GitHubUnavailableException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).isEqualTo(3);
        });
        gate.clock = Clock.fixed(Instant.ofEpochMilli(NOW + 3_000), ZoneOffset.UTC);
        gate.check();
    }
}
