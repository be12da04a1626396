package dev.issuecommand.webhooks.entity;

import java.util.List;

/** The JSON answer to an accepted webhook delivery (docs/behaviour.md §7); absent members are left out. */
public record WebhookReceipt(
        boolean ok,
        Boolean processed,
        Boolean ignored,
        Boolean duplicate,
        String reason,
        String event,
        String action,
        String deliveryId,
        String workItemId,
        String repo,
        Integer prNumber,
        String sourceEventType,
        String sourceEventId,
        List<String> resolvedWorkItemIds) {

    public static WebhookReceipt duplicate(String deliveryId) {
        return new WebhookReceipt(true, null, null, true, null, null, null, deliveryId, null, null, null, null, null,
                null);
    }

    public static WebhookReceipt ignored(WebhookDelivery delivery, String reason) {
        return new WebhookReceipt(true, null, true, null, reason, delivery.event(), delivery.action(),
                delivery.deliveryId(), null, null, null, null, null, null);
    }

    public static WebhookReceipt queued(WebhookDelivery delivery, String workItemId, String repo, int prNumber,
            String sourceEventType, String sourceEventId) {
        return new WebhookReceipt(true, true, null, null, null, delivery.event(), delivery.action(),
                delivery.deliveryId(), workItemId, repo, prNumber, sourceEventType, sourceEventId, null);
    }

    public static WebhookReceipt resolved(WebhookDelivery delivery, String repo, int prNumber, List<String> ids) {
        return new WebhookReceipt(true, true, null, null, null, delivery.event(), delivery.action(),
                delivery.deliveryId(), null, repo, prNumber, null, null, ids);
    }
}
