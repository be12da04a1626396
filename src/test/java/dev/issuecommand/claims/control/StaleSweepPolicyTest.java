package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.claims.control.StaleSweepPolicy.Action;
import dev.issuecommand.claims.entity.StaleDeadlines;
import dev.issuecommand.claims.entity.ClaimStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The stale rules of docs/behaviour.md §5 at a fixed instant: who goes stale, who is released, the notes, the period.
 */
class StaleSweepPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long NOW_MS = NOW.toEpochMilli();

    private static StaleSweepPolicy policy(double timeoutMinutes, double autoReleaseMinutes) {
        return new StaleSweepPolicy(new StaleDeadlines(Duration.ofMillis(Math.round(timeoutMinutes * 60_000)),
                Duration.ofMillis(Math.round(autoReleaseMinutes * 60_000))), CLOCK);
    }

    @Test
    void aClaimIdleForTheTimeoutGoesStaleWhateverItsActiveStatus() {
        StaleSweepPolicy policy = policy(120, 0);
        long idle = NOW_MS - Duration.ofMinutes(120).toMillis();
        for (ClaimStatus status : new ClaimStatus[] {ClaimStatus.CLAIMED, ClaimStatus.IN_PROGRESS,
                ClaimStatus.PR_SUBMITTED, ClaimStatus.PR_MERGED}) {
            assertThat(policy.decide(status, idle, 0)).as(status.wire()).isEqualTo(Action.MARK_STALE);
            assertThat(policy.decide(status, idle + 1, 0)).as(status.wire()).isEqualTo(Action.NONE);
        }
    }

    @Test
    void finishedClaimsAreLeftAlone() {
        StaleSweepPolicy policy = policy(1, 1);
        assertThat(policy.decide(ClaimStatus.CLOSED, 0, 0)).isEqualTo(Action.NONE);
        assertThat(policy.decide(ClaimStatus.RELEASED, 0, 0)).isEqualTo(Action.NONE);
    }

    @Test
    void decimalMinutesWork() {
        StaleSweepPolicy policy = policy(0.02, 0.05);
        assertThat(policy.decide(ClaimStatus.CLAIMED, NOW_MS - 1_200, 0)).isEqualTo(Action.MARK_STALE);
        assertThat(policy.decide(ClaimStatus.CLAIMED, NOW_MS - 1_199, 0)).isEqualTo(Action.NONE);
        assertThat(policy.decide(ClaimStatus.STALE, NOW_MS - 10_000, NOW_MS - 3_000)).isEqualTo(Action.AUTO_RELEASE);
        assertThat(policy.decide(ClaimStatus.STALE, NOW_MS - 10_000, NOW_MS - 2_999)).isEqualTo(Action.NONE);
        assertThat(policy.staleNote()).isEqualTo("No update in 0.02 minutes");
        assertThat(policy.releaseNote()).isEqualTo("Auto released after 0.05 minutes in stale state");
    }

    @Test
    void aStaleClaimStaysWhenAutoReleaseIsOff() {
        assertThat(policy(1, 0).decide(ClaimStatus.STALE, 0, 0)).isEqualTo(Action.NONE);
        assertThat(policy(1, 0).autoReleases()).isFalse();
    }

    @Test
    void activityAfterGoingStaleRestartsTheAutoReleaseClock() {
        StaleSweepPolicy policy = policy(1, 2);
        long staleSince = NOW_MS - Duration.ofMinutes(5).toMillis();
        assertThat(policy.decide(ClaimStatus.STALE, staleSince - 60_000, staleSince)).isEqualTo(Action.AUTO_RELEASE);
        assertThat(policy.decide(ClaimStatus.STALE, NOW_MS - 60_000, staleSince)).isEqualTo(Action.NONE);
    }

    @Test
    void deadlinesAreTheMomentsTheSweepActsOn() {
        StaleSweepPolicy policy = policy(120, 30);
        long lastActivity = NOW_MS - Duration.ofMinutes(120).toMillis();
        assertThat(policy.staleAt(lastActivity)).isEqualTo(NOW_MS);
        assertThat(policy.decide(ClaimStatus.IN_PROGRESS, lastActivity, 0)).isEqualTo(Action.MARK_STALE);
        long staleSince = NOW_MS - Duration.ofMinutes(30).toMillis();
        assertThat(policy.autoReleaseAt(staleSince, staleSince - 1)).hasValue(NOW_MS);
        assertThat(policy.autoReleaseAt(staleSince, staleSince + 60_000)).as("activity after going stale counts")
                .hasValue(NOW_MS + 60_000);
        assertThat(policy(120, 0).autoReleaseAt(staleSince, 0)).isEmpty();
    }

    @Test
    void notesShowMinutesAsPeopleWriteThem() {
        assertThat(policy(120, 30).staleNote()).isEqualTo("No update in 120 minutes");
        assertThat(policy(120, 30).releaseNote()).isEqualTo("Auto released after 30 minutes in stale state");
        assertThat(policy(1.5, 0).staleNote()).isEqualTo("No update in 1.5 minutes");
        assertThat(StaleSweepPolicy.minutes(Duration.ofSeconds(20))).isEqualTo("0.3333");
    }

    @Test
    void theSweepRunsOftenEnoughForShortTimeoutsButNotMoreThanOnceASecond() {
        assertThat(policy(120, 0).period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy(2, 0).period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy(120, 1).period()).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy(0.02, 0).period()).isEqualTo(Duration.ofSeconds(1));
    }
}
