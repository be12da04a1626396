package dev.issuecommand.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises database failures anywhere in an exception's cause chain: SQLite's result codes, PostgreSQL's SQLSTATEs. */
public final class StoreErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final String UNIQUE_VIOLATION = "23505";

    private StoreErrors() {
    }

    /** SQLite reports the file locked by another writer beyond busy_timeout. */
    public static boolean isBusy(Throwable error) {
        return hasSqliteCode(error, SQLITE_BUSY) || hasSqliteCode(error, SQLITE_LOCKED);
    }

    /** A unique index refused the row (on SQLite or PostgreSQL). */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || (sql.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                    && String.valueOf(sql.getMessage()).contains("UNIQUE"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached right now: a connection failed or was refused (SQLSTATE class 08), the server is
     * shutting down or starting (57P01–57P03), it has no connection slot left (53300), or no pooled connection came
     * free in time. Worth a {@code 503} with {@code Retry-After}, not a 500.
     */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SQLSTATE of the first {@link SQLException} in the chain that has one, else null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean hasSqliteCode(Throwable error, int code) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == code) {
                return true;
            }
        }
        return false;
    }
}
