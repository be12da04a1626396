package dev.issuecommand.claims.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A claim as the API and MCP show it (docs/behaviour.md §3). {@code lastActivityAt} is ours: what the stale clock
 * counts from; {@code staleAt} and {@code autoReleaseAt} are the deadlines that clock sets (see
 * {@link StaleDeadlines#of}), left out where they do not apply.
 */
@Schema(name = "Claim", description = "A claim on one GitHub issue")
public record ClaimView(
        @Schema(name = "claim_id") String claimId,
        @Schema(name = "agent_id") String agentId,
        @Schema(name = "repo", example = "myorg/api") String repo,
        @Schema(name = "issue_number") int issueNumber,
        @Schema(name = "issue_title") String issueTitle,
        @Schema(name = "issue_labels") List<String> issueLabels,
        @Schema(name = "issue_assignees") List<String> issueAssignees,
        @Schema(name = "status", enumeration = {"claimed", "in_progress", "pr_submitted", "pr_merged", "closed",
            "released", "stale"}) String status,
        @Schema(name = "claimed_at", format = "date-time") String claimedAt,
        @Schema(name = "last_updated", format = "date-time") String lastUpdated,
        @Schema(name = "last_activity_at", format = "date-time") String lastActivityAt,
        @Schema(name = "status_history") List<StatusChange> statusHistory,
        @Schema(name = "pr_url") String prUrl,
        @Schema(name = "stale_at", format = "date-time", description = "When the claim goes stale unless its agent "
                + "updates it or sends a heartbeat first; absent once stale or ended") String staleAt,
        @Schema(name = "auto_release_at", format = "date-time", description = "When the claim is released "
                + "automatically if nothing happens first; absent when auto-release is off or the claim has ended")
        String autoReleaseAt) {

    /** This claim with {@code deadlines}. */
    public ClaimView withDeadlines(Deadlines deadlines) {
        return new ClaimView(claimId, agentId, repo, issueNumber, issueTitle, issueLabels, issueAssignees, status,
                claimedAt, lastUpdated, lastActivityAt, statusHistory, prUrl, deadlines.staleAt(),
                deadlines.autoReleaseAt());
    }

    /** The deadlines of a claim, as ISO-8601 instants or null. */
    public record Deadlines(String staleAt, String autoReleaseAt) {

        public static final Deadlines NONE = new Deadlines(null, null);
    }
}
