package dev.issuecommand.problems;

/**
 * What an operation answers: {@code ok}, or refused with a {@link Reason} and a message, and where the refusal names
 * them the agent holding the thing refused and the claim it shows. {@link ResultResponses} turns it into the HTTP
 * answer; the MCP tools answer it as it is.
 */
public interface OperationResult {

    boolean ok();

    Reason reason();

    String message();

    /** The agent holding what a refusal was about, where it names one. */
    default String ownerAgentId() {
        return null;
    }

    /** The claim a refusal shows, where it shows one. */
    default Object refusedClaim() {
        return null;
    }
}
