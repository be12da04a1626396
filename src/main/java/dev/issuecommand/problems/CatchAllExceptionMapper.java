package dev.issuecommand.problems;

import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.StoreErrors;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort: a database that cannot be reached right now answers 503 with {@code Retry-After}; anything else
 * is logged with a correlation id and answers 500 without any exception text.
 */
@Provider
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {

    private static final int DATABASE_RETRY_SECONDS = 5;

    @Override
    public Response toResponse(Throwable exception) {
        Problem clientFault = clientFault(exception);
        if (clientFault != null) {
            return ProblemResponses.of(clientFault);
        }
        if (StoreErrors.isUnavailable(exception)) {
            JsonLog.warn("database.unavailable", "exception", exception.getClass().getName());
            return ProblemResponses.builder(Problem.of(503, "database_unavailable", "Database unavailable",
                    "The database cannot be reached right now; retry shortly"))
                    .header("Retry-After", DATABASE_RETRY_SECONDS).build();
        }
        return ProblemResponses.of(InternalErrors.report(exception));
    }

    /**
     * Failures caused by the request itself that reach this mapper as plain exceptions: an unknown charset in
     * Content-Type, an unparsable Accept header, a body that does not match its framing headers.
     */
    static Problem clientFault(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.io.UnsupportedEncodingException || t instanceof java.nio.charset.IllegalCharsetNameException
                    || t instanceof java.nio.charset.UnsupportedCharsetException) {
                return Problem.of(415, "unsupported_media_type", "Unsupported media type", "Send application/json in UTF-8");
            }
            if (name.equals("org.jboss.resteasy.spi.LoggableFailure") || name.endsWith(".IllegalHttpBodyException")
                    || t instanceof java.io.EOFException) {
                return Problem.of(400, "invalid_request", "Invalid request", "The request's headers or body are malformed");
            }
        }
        return null;
    }
}
