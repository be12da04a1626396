package dev.issuecommand.claims.entity;

import dev.issuecommand.store.Timestamps;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a claim goes stale and when a stale claim is released (docs/behaviour.md §5): idle for {@code timeout} →
 * stale; stale for {@code autoRelease} (when not zero) → released. Times are epoch millis. The stale sweep acts on
 * these instants and every claim answer shows them, so an agent knows when to send a heartbeat.
 */
public record StaleDeadlines(Duration timeout, Duration autoRelease) {

    /** When a claim not yet stale, whose agent was last active at {@code lastActivityAt}, becomes stale. */
    public long staleAt(long lastActivityAt) {
        return lastActivityAt + timeout.toMillis();
    }

    /** When a stale claim (stale since {@code staleSince}) is released; empty when auto-release is off. */
    public OptionalLong autoReleaseAt(long staleSince, long lastActivityAt) {
        return autoReleases() ? OptionalLong.of(Math.max(staleSince, lastActivityAt) + autoRelease.toMillis())
                : OptionalLong.empty();
    }

    public boolean autoReleases() {
        return !autoRelease.isZero();
    }

    /**
     * The deadlines of {@code claim} as its answer shows them: a claim not yet stale has {@code stale_at} and, with
     * auto-release on, {@code auto_release_at} if nothing happens before; a stale claim has only
     * {@code auto_release_at}; an ended claim has none.
     */
    public ClaimView.Deadlines of(Claim claim) {
        ClaimStatus status = claim.status();
        if (status.terminal()) {
            return ClaimView.Deadlines.NONE;
        }
        if (status == ClaimStatus.STALE) {
            // only then: when it went stale is read from the status history, a JSON column
            return autoReleases() ? new ClaimView.Deadlines(null,
                    iso(autoReleaseAt(claim.staleSince(), claim.lastActivityAt()))) : ClaimView.Deadlines.NONE;
        }
        long staleAt = staleAt(claim.lastActivityAt());
        return new ClaimView.Deadlines(Timestamps.iso(staleAt), iso(autoReleaseAt(staleAt, claim.lastActivityAt())));
    }

    private static String iso(OptionalLong epochMillis) {
        return epochMillis.isPresent() ? Timestamps.iso(epochMillis.getAsLong()) : null;
    }
}
