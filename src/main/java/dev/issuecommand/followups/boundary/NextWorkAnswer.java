package dev.issuecommand.followups.boundary;

import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.followups.entity.FollowupView;

/** The answer of {@code next_work} (SPEC §4): {@code kind} is {@code pr_followup} with a work item, or {@code issue}. */
public record NextWorkAnswer(boolean ok, String kind, FollowupView workItem, ClaimView claim, Object issue) {

    public static NextWorkAnswer followup(FollowupView item) {
        return new NextWorkAnswer(true, "pr_followup", item, null, null);
    }

    public static NextWorkAnswer issue(ClaimView claim, Object issue) {
        return new NextWorkAnswer(true, "issue", null, claim, issue);
    }
}
