package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.StatusChange;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A follow-up (work item) as the API and MCP show it (docs/behaviour.md §3). */
@Schema(name = "Followup", description = "A pull-request follow-up (work item)")
public record FollowupView(
        @Schema(name = "work_item_id") String workItemId,
        @Schema(name = "repo") String repo,
        @Schema(name = "pr_number") int prNumber,
        @Schema(name = "pr_url") String prUrl,
        @Schema(name = "pr_title") String prTitle,
        @Schema(name = "source_event_type", enumeration = {"review_changes_requested", "review_comment",
            "pr_comment"}) String sourceEventType,
        @Schema(name = "source_event_id") String sourceEventId,
        @Schema(name = "source_delivery_id") String sourceDeliveryId,
        @Schema(name = "requested_by") String requestedBy,
        @Schema(name = "summary") String summary,
        @Schema(name = "actionable_comments") List<String> actionableComments,
        @Schema(name = "status", enumeration = {"queued", "claimed", "in_progress", "done", "dismissed", "stale"})
        String status,
        @Schema(name = "created_at", format = "date-time") String createdAt,
        @Schema(name = "last_updated", format = "date-time") String lastUpdated,
        @Schema(name = "claimed_by_agent_id") String claimedByAgentId,
        @Schema(name = "claimed_at", format = "date-time") String claimedAt,
        @Schema(name = "done_at", format = "date-time") String doneAt,
        @Schema(name = "dismiss_reason") String dismissReason,
        @Schema(name = "status_history") List<StatusChange> statusHistory) {
}
