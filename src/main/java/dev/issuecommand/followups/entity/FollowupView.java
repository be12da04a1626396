package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.StatusChange;
import java.util.List;

/** A follow-up (work item) as the API and MCP show it (docs/behaviour.md §3). */
public record FollowupView(
        String workItemId,
        String repo,
        int prNumber,
        String prUrl,
        String prTitle,
        String sourceEventType,
        String sourceEventId,
        String sourceDeliveryId,
        String requestedBy,
        String summary,
        List<String> actionableComments,
        String status,
        String createdAt,
        String lastUpdated,
        String claimedByAgentId,
        String claimedAt,
        String doneAt,
        String dismissReason,
        List<StatusChange> statusHistory) {
}
