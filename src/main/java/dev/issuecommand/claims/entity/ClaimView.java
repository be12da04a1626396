package dev.issuecommand.claims.entity;

import java.util.List;

/**
 * A claim as the API and MCP show it (docs/behaviour.md §3). {@code lastActivityAt} is ours: what the stale clock
 * counts from.
 */
public record ClaimView(
        String claimId,
        String agentId,
        String repo,
        int issueNumber,
        String issueTitle,
        List<String> issueLabels,
        List<String> issueAssignees,
        String status,
        String claimedAt,
        String lastUpdated,
        String lastActivityAt,
        List<StatusChange> statusHistory,
        String prUrl) {
}
