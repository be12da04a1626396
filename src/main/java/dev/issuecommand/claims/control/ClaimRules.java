package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.Reason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules for an agent's status change, checked in the order of docs/behaviour.md §4: ownership, idempotence, the
 * claim still active, the pr_url rule, then the transition table. Pure: it decides, {@link Claims} applies.
 */
public final class ClaimRules {

    private ClaimRules() {
    }

    /** The answer to give without changing anything (a refusal or an idempotent success), or empty to proceed. */
    public static Optional<ClaimResult> check(Claim claim, String agentId, ClaimStatus status, String prUrl) {
        if (!claim.agentId().equals(agentId)) {
            return Optional.of(mismatch(claim));
        }
        if (claim.status() == status) {
            return Optional.of(ClaimResult.unchanged(claim.view()));
        }
        if (!claim.active()) {
            return Optional.of(ClaimResult.refused(Reason.CLAIM_NOT_FOUND, "Claim " + claim.claimId()
                    + " has ended (" + claim.status().wire() + ") and is in history"));
        }
        if (status == ClaimStatus.PR_SUBMITTED && prUrl == null && claim.prUrl() == null) {
            return Optional.of(ClaimResult.refused(Reason.INVALID_TRANSITION,
                    "pr_url is required to move to pr_submitted", claim.view(), null));
        }
        if (!ClaimTransitions.allowed(claim.status(), status)) {
            return Optional.of(ClaimResult.refused(Reason.INVALID_TRANSITION, "Cannot move claim from "
                    + claim.status().wire() + " to " + status.wire() + "; allowed: " + allowedFrom(claim.status()),
                    claim.view(), null));
        }
        return Optional.empty();
    }

    /** Only the owner may act on a claim. */
    public static ClaimResult mismatch(Claim claim) {
        return ClaimResult.refused(Reason.AGENT_MISMATCH, "Claim " + claim.claimId() + " belongs to "
                + claim.agentId(), null, claim.agentId());
    }

    private static String allowedFrom(ClaimStatus from) {
        List<String> names = ClaimTransitions.from(from).stream().map(ClaimStatus::wire).sorted().toList();
        return names.isEmpty() ? "none (terminal)" : names.stream().collect(Collectors.joining(", "));
    }
}
