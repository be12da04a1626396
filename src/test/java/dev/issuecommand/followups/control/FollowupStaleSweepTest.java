package dev.issuecommand.followups.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FollowupStaleSweepTest {

    @Test
    void sweepRunsOftenEnoughForShortTimeouts() {
        assertThat(FollowupStaleSweep.period(Duration.ofDays(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(FollowupStaleSweep.period(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(FollowupStaleSweep.period(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Minutes.format(Duration.ofSeconds(3))).isEqualTo("0.05");
        assertThat(Minutes.format(Duration.ofMinutes(1440))).isEqualTo("1440");
    }
}
