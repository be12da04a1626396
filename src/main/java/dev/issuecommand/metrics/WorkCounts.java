package dev.issuecommand.metrics;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import java.time.Clock;

/**
 * Counts of active work, read with the claims' and follow-ups' own count queries in one database read and kept for
 * {@link #MAX_AGE_MILLIS} between scrapes.
 */
final class WorkCounts {

    static final long MAX_AGE_MILLIS = 2_000;

    /** One reading of the database. */
    record Snapshot(long activeClaims, long staleClaims, long queuedFollowups, long readAt) {
    }

    private final Database database;
    private final ClaimQueries claims;
    private final FollowupQueries followups;
    private final Clock clock;
    private Snapshot last;

    WorkCounts(Database database, ClaimQueries claims, FollowupQueries followups, Clock clock) {
        this.database = database;
        this.claims = claims;
        this.followups = followups;
        this.clock = clock;
    }

    /** The counts, at most {@link #MAX_AGE_MILLIS} old; the previous ones if the database cannot be read. */
    synchronized Snapshot snapshot() {
        long now = clock.millis();
        if (last != null && now >= last.readAt() && now - last.readAt() < MAX_AGE_MILLIS) {
            return last;
        }
        try {
            last = database.read(em -> {
                long[] active = claims.activeCounts(em);
                return new Snapshot(active[0], active[2], followups.queuedCount(em), now);
            });
        } catch (RuntimeException e) {
            JsonLog.warn("metrics.counts_failed", "error", e.getClass().getSimpleName());
            if (last == null) {
                return new Snapshot(0, 0, 0, now);
            }
        }
        return last;
    }
}
