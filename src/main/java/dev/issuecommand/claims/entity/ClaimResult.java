package dev.issuecommand.claims.entity;

/**
 * The result of a claim operation (docs/behaviour.md §3): {@code ok} with the claim, or a refusal with its reason.
 * {@code issue}, {@code issueClosed} and {@code issueCloseError} are filled only after {@code next_issue} and an
 * auto-close.
 */
public record ClaimResult(
        boolean ok,
        ClaimView claim,
        Boolean idempotent,
        String reason,
        String message,
        String ownerAgentId,
        Object issue,
        Boolean issueClosed,
        String issueCloseError) {

    public static ClaimResult success(ClaimView claim) {
        return new ClaimResult(true, claim, null, null, null, null, null, null, null);
    }

    public static ClaimResult unchanged(ClaimView claim) {
        return new ClaimResult(true, claim, true, null, null, null, null, null, null);
    }

    public static ClaimResult refused(Reason reason, String message) {
        return new ClaimResult(false, null, null, reason.wire(), message, null, null, null, null);
    }

    public static ClaimResult refused(Reason reason, String message, ClaimView claim, String owner) {
        return new ClaimResult(false, claim, null, reason.wire(), message, owner, null, null, null);
    }

    public ClaimResult withIssue(Object issue) {
        return new ClaimResult(ok, claim, idempotent, reason, message, ownerAgentId, issue, issueClosed, issueCloseError);
    }

    public ClaimResult withIssueClosed(boolean closed, String error) {
        return new ClaimResult(ok, claim, idempotent, reason, message, ownerAgentId, issue, closed, error);
    }
}
