package dev.issuecommand.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Token buckets start full and refill continuously (docs/behaviour.md §11). */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsFullAtTheBurstAndRefillsContinuously() {
        TokenBucket bucket = new TokenBucket(3, 60, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.nanosUntilToken(0)).isZero();
            bucket.take();
        }
        assertThat(bucket.nanosUntilToken(0)).as("60 a minute is one a second").isEqualTo(SECOND);
        assertThat(bucket.nanosUntilToken(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(bucket.nanosUntilToken(SECOND)).isZero();
        bucket.take();
        assertThat(bucket.full(SECOND)).isFalse();
        assertThat(bucket.full(4 * SECOND)).isTrue();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 120, 0);
        bucket.nanosUntilToken(3600 * SECOND);
        bucket.take();
        bucket.take();
        assertThat(bucket.nanosUntilToken(3600 * SECOND)).isPositive();
    }
}
