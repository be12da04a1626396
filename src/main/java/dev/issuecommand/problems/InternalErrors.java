package dev.issuecommand.problems;

import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.StoreErrors;
import java.util.UUID;

/** Turns an unexpected failure into a log line with a correlation id and a 500 problem that only names that id. */
public final class InternalErrors {

    private InternalErrors() {
    }

    /** Logs {@code exception} (its class, first frame and SQLSTATE, never its message) and returns the problem to answer. */
    public static Problem report(Throwable exception) {
        String id = UUID.randomUUID().toString();
        JsonLog.error("http.internal_error", "correlation_id", id, "exception", exception.getClass().getName(),
                "at", firstFrame(exception), "causes", causes(exception), "sql_state", String.valueOf(StoreErrors.sqlState(exception)));
        return Problem.of(500, "internal_error", "Internal error",
                "The server failed to handle the request; reference " + id).withCorrelationId(id);
    }

    /** The classes of the exception's causes, outermost first: where it came from, without any message text. */
    private static String causes(Throwable exception) {
        StringBuilder names = new StringBuilder();
        for (Throwable t = exception.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            names.append(names.length() == 0 ? "" : " < ").append(t.getClass().getName());
        }
        return names.toString();
    }

    private static String firstFrame(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length == 0 ? "" : trace[0].toString();
    }
}
