package dev.issuecommand.quarantine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The strike and window rules of docs/behaviour.md §17. */
class StrikeRuleTest {

    private static final long HOUR = 3_600_000L;
    private static final StrikeRule RULE = new StrikeRule(3, Duration.ofHours(24));

    @Test
    void theThirdStrikeQuarantinesAndFewerDoNot() {
        assertThat(RULE.quarantines(2)).isFalse();
        assertThat(RULE.quarantines(3)).isTrue();
        assertThat(RULE.quarantines(4)).isTrue();
    }

    @Test
    void zeroTurnsQuarantineOff() {
        StrikeRule off = new StrikeRule(0, Duration.ofHours(24));
        assertThat(off.enabled()).isFalse();
        assertThat(off.quarantines(0)).isFalse();
        assertThat(off.quarantines(100)).isFalse();
    }

    @Test
    void onlyStrikesWithinTheWindowCount() {
        long now = 100 * HOUR;
        assertThat(RULE.countsFrom(now, null)).isEqualTo(76 * HOUR);
    }

    @Test
    void strikesBeforeTheLastReleaseNoLongerCount() {
        long now = 100 * HOUR;
        assertThat(RULE.countsFrom(now, 90 * HOUR)).as("released within the window").isEqualTo(90 * HOUR + 1);
        assertThat(RULE.countsFrom(now, 10 * HOUR)).as("released long ago: the window decides").isEqualTo(76 * HOUR);
    }
}
