package dev.issuecommand.store;

import java.sql.SQLException;

/** Recognises SQLite's result codes anywhere in an exception's cause chain. */
public final class SqliteErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    private SqliteErrors() {
    }

    public static boolean isBusy(Throwable error) {
        return hasCode(error, SQLITE_BUSY) || hasCode(error, SQLITE_LOCKED);
    }

    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                    && String.valueOf(sql.getMessage()).contains("UNIQUE")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCode(Throwable error, int code) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == code) {
                return true;
            }
        }
        return false;
    }
}
