package dev.issuecommand.store;

import dev.issuecommand.config.settings.Settings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every process writing the database sends besides its own work, on either database: the server's stores and
 * {@link DirectDatabase} send the same statements, so that a change made by one is seen by all the others at once.
 */
final class StoreStatements {

    /** SQLite: the first statement of a write transaction takes the file's write lock and moves the data's version. */
    static final String SQLITE_BEGIN_WRITE = "UPDATE write_lock SET n = n + 1 WHERE id = 1";

    /** PostgreSQL: moves the data's version, at the start of a write transaction and once it committed. */
    static final String POSTGRES_MOVE_VERSION = "SELECT nextval('data_version')";

    /** Advisory lock key: an arbitrary number that only IssueCommand uses. */
    private static final long EVENT_ORDER_LOCK = 0x1550_0002L;

    /**
     * PostgreSQL, before a write transaction appends an event: event ids then increase in commit order, and every
     * instance listening on the channel learns that there is a new one.
     */
    static final String POSTGRES_ORDER_EVENTS = "SELECT pg_advisory_xact_lock(" + EVENT_ORDER_LOCK + "), pg_notify('"
            + EventNotifications.CHANNEL + "', '')";

    private StoreStatements() {
    }

    /** The JDBC URL of the SQLite file of {@code settings}, with its journal mode, busy timeout and durability. */
    static String sqliteUrl(Settings settings) {
        String journal = settings.sqliteJournalMode().toLowerCase(Locale.ROOT);
        // synchronous=NORMAL in WAL mode keeps every committed transaction across a process crash (kill -9).
        String synchronous = "wal".equals(journal) ? "NORMAL" : "FULL";
        return "jdbc:sqlite:" + Path.of(settings.sqlitePath()).toAbsolutePath()
                + "?journal_mode=" + journal
                + "&busy_timeout=" + settings.sqliteBusyTimeoutMs()
                + "&synchronous=" + synchronous
                + "&foreign_keys=on";
    }
}
