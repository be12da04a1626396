package dev.issuecommand.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromFiveSecondsUpToFifteenMinutes() {
        assertThat(Backoff.delayMs(1, null)).isEqualTo(5_000);
        assertThat(Backoff.delayMs(2, null)).isEqualTo(10_000);
        assertThat(Backoff.delayMs(3, null)).isEqualTo(20_000);
        assertThat(Backoff.delayMs(8, null)).isEqualTo(640_000);
        assertThat(Backoff.delayMs(9, null)).isEqualTo(900_000);
        assertThat(Backoff.delayMs(1_000, null)).isEqualTo(900_000);
    }

    @Test
    void neverSoonerThanGitHubAsks() {
        assertThat(Backoff.delayMs(1, 60)).isEqualTo(60_000);
        assertThat(Backoff.delayMs(4, 1)).isEqualTo(40_000);
    }
}
