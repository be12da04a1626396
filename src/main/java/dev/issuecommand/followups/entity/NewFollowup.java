package dev.issuecommand.followups.entity;

import java.util.List;

/** Review feedback to queue as a follow-up, as the webhook mapping read it from GitHub's payload. */
public record NewFollowup(
        String repo,
        int prNumber,
        String prUrl,
        String prTitle,
        SourceEventType sourceEventType,
        String sourceEventId,
        String sourceDeliveryId,
        String requestedBy,
        String summary,
        List<String> actionableComments) {
}
