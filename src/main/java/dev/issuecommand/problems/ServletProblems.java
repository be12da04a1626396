package dev.issuecommand.problems;

import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.logging.JsonLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Answers a {@link Problem} as problem+json from a servlet, outside JAX-RS, in the same shape as the API's. */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void send(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = JsonbConfiguration.JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Answers the 500 problem of {@link InternalErrors} for {@code failure}; once the answer has begun (mostly a
     * client that went away) only a warning is logged.
     */
    public static void internalError(HttpServletResponse response, Exception failure) throws IOException {
        if (response.isCommitted()) {
            JsonLog.warn("http.answer_interrupted", "exception", failure.getClass().getName());
            return;
        }
        response.reset();
        send(response, InternalErrors.report(failure));
    }
}
