package dev.issuecommand.problems;

/**
 * Ends a request with {@link #problem()}: bad input found by a boundary, or a read's {@link Refusal}. Turned into
 * problem+json by {@link ApiExceptionMapper}, into a tool error by MCP.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Problem.of(400, "invalid_request", "Invalid request", detail));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "not_found", "Not found", detail));
    }
}
