package dev.issuecommand.problems;

/**
 * A refused operation: its reason and the sentence saying why. Results carry it as {@code ok:false}; a read, which
 * has no result to carry it, throws {@link #asException()}: problem+json over HTTP, a tool error over MCP.
 */
public record Refusal(Reason reason, String message) {

    public ApiException asException() {
        return new ApiException(Problem.refusal(reason, message, null, null));
    }
}
