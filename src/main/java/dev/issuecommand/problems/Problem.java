package dev.issuecommand.problems;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error shape (docs/behaviour.md §8): RFC 9457 members ({@code type, title, status, detail}) plus the
 * compatible members ({@code ok:false, error}, and for refusals {@code reason, message, owner_agent_id, claim}).
 */
@Schema(name = "Problem",
        description = "RFC 9457 problem details plus the members every client reads (ok, error, reason, message)")
public record Problem(
        @Schema(name = "type", required = true, example = "urn:issuecommand:problem:already_claimed") String type,
        @Schema(name = "title", required = true, example = "Already claimed") String title,
        @Schema(name = "status", required = true, example = "409") int status,
        @Schema(name = "detail") String detail,
        @Schema(name = "ok", required = true, example = "false") boolean ok,
        @Schema(name = "error", required = true, description = "Machine-readable code", example = "already_claimed")
        String error,
        @Schema(name = "reason", description = "Refusal reason of an operation", example = "already_claimed")
        String reason,
        @Schema(name = "message") String message,
        @Schema(name = "owner_agent_id", description = "The agent holding the claim or work item") String ownerAgentId,
        @Schema(name = "claim", ref = "Claim") Object claim,
        @Schema(name = "scope", description = "The rate-limit bucket that refused the request") String scope,
        @Schema(name = "retry_after_seconds") Integer retryAfterSeconds,
        @Schema(name = "correlation_id", description = "Matches the server log line of an internal error")
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
