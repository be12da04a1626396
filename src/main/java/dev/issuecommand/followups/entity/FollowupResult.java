package dev.issuecommand.followups.entity;

import dev.issuecommand.problems.Reason;

/**
 * The result of a follow-up operation: {@code ok} with the {@code work_item}, or a refusal with its reason
 * ({@code work_item_not_found}, {@code agent_mismatch}, {@code invalid_transition}).
 */
public record FollowupResult(
        boolean ok,
        FollowupView workItem,
        Boolean idempotent,
        Reason reason,
        String message,
        String ownerAgentId) {

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
