package dev.issuecommand.problems;

import dev.issuecommand.logging.JsonLog;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/** The last resort: logs the failure with a correlation id and answers 500 without any exception text. */
@Provider
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        String id = UUID.randomUUID().toString();
        JsonLog.error("http.internal_error", "correlation_id", id, "exception", exception.getClass().getName(),
                "at", firstFrame(exception));
        return ProblemResponses.of(Problem.of(500, "internal_error", "Internal error",
                "The server failed to handle the request; reference " + id).withCorrelationId(id));
    }

    private static String firstFrame(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length == 0 ? "" : trace[0].toString();
    }
}
