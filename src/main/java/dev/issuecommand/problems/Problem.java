package dev.issuecommand.problems;

/**
 * The one error shape (docs/behaviour.md §8): RFC 9457 members ({@code type, title, status, detail}) plus the
 * compatible members ({@code ok:false, error}, and for refusals {@code reason, message, owner_agent_id, claim}).
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        boolean ok,
        String error,
        String reason,
        String message,
        String ownerAgentId,
        Object claim,
        String scope,
        Integer retryAfterSeconds,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A plain error: {@code error} is the machine-readable code, {@code detail} the human sentence. */
    public static Problem of(int status, String error, String title, String detail) {
        return new Problem("urn:issuecommand:problem:" + error, title, status, detail, false, error,
                null, detail, null, null, null, null, null);
    }

    /** A refused operation ({@code already_claimed}, {@code agent_mismatch}, …), with its reason's status. */
    public static Problem refusal(Reason reason, String message, String owner, Object claim) {
        String wire = reason.wire();
        return new Problem("urn:issuecommand:problem:" + wire, titleOf(wire), reason.status(), message, false, wire,
                wire, message, owner, claim, null, null, null);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, ok, error, reason, message, ownerAgentId, claim, scope,
                retryAfterSeconds, id);
    }

    public Problem withRateLimit(String newScope, int retryAfter) {
        return new Problem(type, title, status, detail, ok, error, reason, message, ownerAgentId, claim, newScope,
                retryAfter, correlationId);
    }

    private static String titleOf(String reason) {
        String words = reason.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
