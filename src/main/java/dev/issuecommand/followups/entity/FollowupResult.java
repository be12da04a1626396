package dev.issuecommand.followups.entity;

import dev.issuecommand.problems.OperationResult;
import dev.issuecommand.problems.Reason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a follow-up operation: {@code ok} with the {@code work_item}, or a refusal with its reason
 * ({@code work_item_not_found}, {@code agent_mismatch}, {@code invalid_transition}).
 */
@Schema(name = "FollowupResult", description = "The result of a follow-up operation")
public record FollowupResult(
        @Schema(name = "ok", required = true) boolean ok,
        @Schema(name = "work_item") FollowupView workItem,
        @Schema(name = "idempotent", description = "true when the request changed nothing (a repeat)")
        Boolean idempotent,
        @Schema(name = "reason", implementation = String.class, enumeration = {"work_item_not_found", "agent_mismatch",
            "invalid_transition"}, description = "Why the operation was refused") Reason reason,
        @Schema(name = "message") String message,
        @Schema(name = "owner_agent_id", description = "The agent holding the work item") String ownerAgentId)
        implements OperationResult {

    public static FollowupResult success(FollowupView item) {
        return new FollowupResult(true, item, null, null, null, null);
    }

    public static FollowupResult unchanged(FollowupView item) {
        return new FollowupResult(true, item, true, null, null, null);
    }

    public static FollowupResult refused(Reason reason, String message, String owner) {
        return new FollowupResult(false, null, null, reason, message, owner);
    }

    /** The answer for a work item id nobody has. */
    public static FollowupResult notFound(String workItemId) {
        return refused(Reason.WORK_ITEM_NOT_FOUND, "Follow-up " + workItemId + " not found", null);
    }
}
