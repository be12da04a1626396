package dev.issuecommand.metrics;

import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import java.time.Clock;

/** Counts of active work, read with one cheap query and kept for {@link #MAX_AGE_MILLIS} between scrapes. */
final class WorkCounts {

    static final long MAX_AGE_MILLIS = 2_000;

    private static final String QUERY = "SELECT "
            + "(SELECT COUNT(*) FROM claims WHERE active = 1), "
            + "(SELECT COUNT(*) FROM claims WHERE active = 1 AND status = 'stale'), "
            + "(SELECT COUNT(*) FROM followups WHERE active = 1 AND status = 'queued')";

    /** One reading of the database. */
    record Snapshot(long activeClaims, long staleClaims, long queuedFollowups, long readAt) {
    }

    private final Database database;
    private final Clock clock;
    private Snapshot last;

    WorkCounts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The counts, at most {@link #MAX_AGE_MILLIS} old; the previous ones if the database cannot be read. */
    synchronized Snapshot snapshot() {
        long now = clock.millis();
        if (last != null && now >= last.readAt() && now - last.readAt() < MAX_AGE_MILLIS) {
            return last;
        }
        try {
            Object[] row = database.read(em -> (Object[]) em.createNativeQuery(QUERY).getSingleResult());
            last = new Snapshot(number(row[0]), number(row[1]), number(row[2]), now);
        } catch (RuntimeException e) {
            JsonLog.warn("metrics.counts_failed", "error", e.getClass().getSimpleName());
            if (last == null) {
                return new Snapshot(0, 0, 0, now);
            }
        }
        return last;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
