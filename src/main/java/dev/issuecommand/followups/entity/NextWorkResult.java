package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.problems.OperationResult;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of {@code next_work} (docs/behaviour.md §4): {@code kind} {@code pr_followup} with a {@code work_item}, or
 * {@code issue} with the {@code claim} and the {@code issue}; otherwise a refusal with the reason of {@code
 * next_issue}.
 */
@Schema(name = "NextWorkResult", description = "The next piece of work: a follow-up, or a newly claimed issue")
public record NextWorkResult(
        @Schema(name = "ok", required = true) boolean ok,
        @Schema(name = "kind", enumeration = {"pr_followup", "issue"}) String kind,
        @Schema(name = "work_item") FollowupView workItem,
        @Schema(name = "claim") ClaimView claim,
        @Schema(name = "issue", ref = "Issue") Object issue,
        @Schema(name = "reason", implementation = String.class, description = "Why nothing was picked, as next_issue")
        Reason reason,
        @Schema(name = "message") String message) implements OperationResult {

    public static NextWorkResult followup(FollowupView item) {
        return new NextWorkResult(true, "pr_followup", item, null, null, null, null);
    }

    public static NextWorkResult issue(ClaimView claim, Object issue) {
        return new NextWorkResult(true, "issue", null, claim, issue, null, null);
    }

    public static NextWorkResult refused(Refusal refusal) {
        return refused(refusal.reason(), refusal.message());
    }

    public static NextWorkResult refused(Reason reason, String message) {
        return new NextWorkResult(false, null, null, null, null, reason, message);
    }
}
