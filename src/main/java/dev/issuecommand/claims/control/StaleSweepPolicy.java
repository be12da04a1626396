package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.StaleDeadlines;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The rules of docs/behaviour.md §5 for one claim at the clock's current instant: idle for
 * {@code CLAIM_TIMEOUT_MINUTES} → stale; stale for {@code STALE_AUTO_RELEASE_MINUTES} (when above 0) → released. Also
 * the sweep's period and notes.
 */
public final class StaleSweepPolicy {

    /** What the sweep does to one claim. */
    public enum Action { NONE, MARK_STALE, AUTO_RELEASE }

    private static final Duration MAX_PERIOD = Duration.ofSeconds(60);
    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);

    private final StaleDeadlines deadlines;
    private final Clock clock;

    public StaleSweepPolicy(StaleDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public long now() {
        return clock.millis();
    }

    /**
     * The action for a claim in {@code status} whose agent was last active at {@code lastActivityAt} and which
     * became stale at {@code staleSince} (ignored unless it is stale); times are epoch millis.
     */
    public Action decide(ClaimStatus status, long lastActivityAt, long staleSince) {
        if (status.terminal()) {
            return Action.NONE;
        }
        long now = now();
        if (status == ClaimStatus.STALE) {
            OptionalLong releaseAt = autoReleaseAt(staleSince, lastActivityAt);
            return releaseAt.isPresent() && now >= releaseAt.getAsLong() ? Action.AUTO_RELEASE : Action.NONE;
        }
        return now >= staleAt(lastActivityAt) ? Action.MARK_STALE : Action.NONE;
    }

    /** When a claim not yet stale, whose agent was last active at {@code lastActivityAt}, becomes stale. */
    public long staleAt(long lastActivityAt) {
        return deadlines.staleAt(lastActivityAt);
    }

    /** When a stale claim (stale since {@code staleSince}) is released; empty when auto-release is off. */
    public OptionalLong autoReleaseAt(long staleSince, long lastActivityAt) {
        return deadlines.autoReleaseAt(staleSince, lastActivityAt);
    }

    public boolean autoReleases() {
        return deadlines.autoReleases();
    }

    /** Note of the move to {@code stale}, e.g. "No update in 120 minutes". */
    public String staleNote() {
        return "No update in " + minutes(deadlines.timeout()) + " minutes";
    }

    /** Note of the automatic release, e.g. "Auto released after 30 minutes in stale state". */
    public String releaseNote() {
        return "Auto released after " + minutes(deadlines.autoRelease()) + " minutes in stale state";
    }

    /** How often to sweep: a quarter of the shortest timeout, between once a second and once a minute. */
    public Duration period() {
        Duration period = MAX_PERIOD;
        period = shorter(period, deadlines.timeout().dividedBy(4));
        if (autoReleases()) {
            period = shorter(period, deadlines.autoRelease().dividedBy(4));
        }
        return period.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : period;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Minutes as people write them: "120", "1.5", "0.02". */
    static String minutes(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis())
                .divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
