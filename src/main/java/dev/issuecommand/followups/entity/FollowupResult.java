package dev.issuecommand.followups.entity;

/**
 * The result of a follow-up operation: {@code ok} with the {@code work_item}, or a refusal with its reason
 * ({@code work_item_not_found}, {@code agent_mismatch}, {@code invalid_transition}).
 */
public record FollowupResult(
        boolean ok,
        FollowupView workItem,
        Boolean idempotent,
        String reason,
        String message,
        String ownerAgentId) {

    public static final String NOT_FOUND = "work_item_not_found";
    public static final String AGENT_MISMATCH = "agent_mismatch";
    public static final String INVALID_TRANSITION = "invalid_transition";

    public static FollowupResult success(FollowupView item) {
        return new FollowupResult(true, item, null, null, null, null);
    }

    public static FollowupResult unchanged(FollowupView item) {
        return new FollowupResult(true, item, true, null, null, null);
    }

    public static FollowupResult refused(String reason, String message, String owner) {
        return new FollowupResult(false, null, null, reason, message, owner);
    }
}
