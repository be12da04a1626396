package dev.issuecommand.claims.entity;

import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.problems.OperationResult;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import dev.issuecommand.quarantine.entity.QuarantineView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a claim operation (docs/behaviour.md §3): {@code ok} with the claim, or a refusal with its reason.
 * {@code issue}, {@code issueClosed}, {@code issueCloseError} and the quarantine members are filled only where the
 * behaviour adds them.
 */
@Schema(name = "ClaimResult", description = "The result of a claim operation")
public record ClaimResult(
        @Schema(name = "ok", required = true) boolean ok,
        @Schema(name = "claim") ClaimView claim,
        @Schema(name = "idempotent", description = "true when the request changed nothing (a repeat)")
        Boolean idempotent,
        @Schema(name = "reason", implementation = String.class, enumeration = {"already_claimed", "claim_not_found",
            "invalid_transition", "agent_mismatch", "invalid_repo", "invalid_issue"},
                description = "Why the operation was refused") Reason reason,
        @Schema(name = "message") String message,
        @Schema(name = "owner_agent_id", description = "The agent holding the claim") String ownerAgentId,
        @Schema(name = "issue", implementation = GitHubIssue.class) Object issue,
        @Schema(name = "issue_closed") Boolean issueClosed,
        @Schema(name = "issue_close_error") String issueCloseError,
        @Schema(name = "quarantined", description = "true when the claimed issue is quarantined (docs/behaviour.md "
                + "§17)") Boolean quarantined,
        @Schema(name = "quarantine", implementation = QuarantineView.class) QuarantineView quarantine)
        implements OperationResult {

    /** The reasons a claim operation answers, as the MCP output schema lists them. */
    public static final List<Reason> REASONS = List.of(Reason.ALREADY_CLAIMED, Reason.CLAIM_NOT_FOUND,
            Reason.INVALID_TRANSITION, Reason.AGENT_MISMATCH, Reason.INVALID_REPO, Reason.INVALID_ISSUE);

    /** The message of the refusal when no issue is eligible for {@code next_issue} / {@code next_work}. */
    public static final String NOTHING_ELIGIBLE = "No eligible unclaimed issues found";

    /** {@code next_issue} found nothing to claim: the answer a waiting call waits past (docs/behaviour.md §18). */
    public static ClaimResult nothingEligible() {
        return refused(Reason.INVALID_ISSUE, NOTHING_ELIGIBLE);
    }

    /** Whether an answer with {@code ok}, {@code reason} and {@code message} is the "nothing eligible" refusal. */
    public static boolean nothingEligible(boolean ok, Reason reason, String message) {
        return !ok && reason == Reason.INVALID_ISSUE && NOTHING_ELIGIBLE.equals(message);
    }

    public static ClaimResult success(ClaimView claim) {
        return new ClaimResult(true, claim, null, null, null, null, null, null, null, null, null);
    }

    public static ClaimResult unchanged(ClaimView claim) {
        return new ClaimResult(true, claim, true, null, null, null, null, null, null, null, null);
    }

    public static ClaimResult refused(Reason reason, String message) {
        return new ClaimResult(false, null, null, reason, message, null, null, null, null, null, null);
    }

    public static ClaimResult refused(Refusal refusal) {
        return refused(refusal.reason(), refusal.message());
    }

    public static ClaimResult refused(Reason reason, String message, ClaimView claim, String owner) {
        return new ClaimResult(false, claim, null, reason, message, owner, null, null, null, null, null);
    }

    /** A refused claim change shows the claim as it stands. */
    @Override
    public Object refusedClaim() {
        return claim;
    }

    public ClaimResult withIssue(Object issue) {
        return new ClaimResult(ok, claim, idempotent, reason, message, ownerAgentId, issue, issueClosed,
                issueCloseError, quarantined, quarantine);
    }

    /** The answer for a claim of an issue that is quarantined: {@code quarantined:true} and its quarantine. */
    public ClaimResult withQuarantine(QuarantineView view) {
        return new ClaimResult(ok, claim, idempotent, reason, message, ownerAgentId, issue, issueClosed,
                issueCloseError, true, view);
    }

    public ClaimResult withClaim(ClaimView shown) {
        return new ClaimResult(ok, shown, idempotent, reason, message, ownerAgentId, issue, issueClosed,
                issueCloseError, quarantined, quarantine);
    }

    public ClaimResult withIssueClosed(boolean closed, String error) {
        return new ClaimResult(ok, claim, idempotent, reason, message, ownerAgentId, issue, closed, error, quarantined,
                quarantine);
    }
}
