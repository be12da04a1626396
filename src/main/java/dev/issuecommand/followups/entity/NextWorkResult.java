package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;

/**
 * The result of {@code next_work} (docs/behaviour.md §4): {@code kind} {@code pr_followup} with a {@code work_item}, or
 * {@code issue} with the {@code claim} and the {@code issue}; otherwise a refusal with the reason of {@code
 * next_issue}.
 */
public record NextWorkResult(
        boolean ok,
        String kind,
        FollowupView workItem,
        ClaimView claim,
        Object issue,
        Reason reason,
        String message) {

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
