package dev.issuecommand.mcp.control;

import dev.issuecommand.requests.JsonBody;

/**
 * The arguments only tools take: the HTTP routes carry a claim's id in the path, the tools as {@code claim_id}. Every
 * other argument is read by the request record of the operation (package {@code dev.issuecommand.requests}).
 */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** {@code claim_id}, an identifier like the path segment of {@code /api/claims/:id}. */
    public static String claimId(JsonBody args) {
        return args.requiredId("claim_id");
    }

    /** {@code work_item_id}, an identifier like the path segment of {@code /api/followups/:id}. */
    public static String workItemId(JsonBody args) {
        return args.requiredId("work_item_id");
    }
}
