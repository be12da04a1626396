package dev.issuecommand.webhooks.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON answer to an accepted webhook delivery (docs/behaviour.md §7); absent members are left out. */
@Schema(name = "WebhookReceipt", description = "What became of a webhook delivery")
public record WebhookReceipt(
        @Schema(name = "ok", required = true) boolean ok,
        @Schema(name = "processed") Boolean processed,
        @Schema(name = "ignored") Boolean ignored,
        @Schema(name = "duplicate") Boolean duplicate,
        @Schema(name = "reason", description = "Why the delivery was ignored") String reason,
        @Schema(name = "event") String event,
        @Schema(name = "action") String action,
        @Schema(name = "delivery_id") String deliveryId,
        @Schema(name = "work_item_id") String workItemId,
        @Schema(name = "repo") String repo,
        @Schema(name = "pr_number") Integer prNumber,
        @Schema(name = "source_event_type") String sourceEventType,
        @Schema(name = "source_event_id") String sourceEventId,
        @Schema(name = "resolved_work_item_ids") List<String> resolvedWorkItemIds,
        @Schema(name = "issue_number") Integer issueNumber,
        @Schema(name = "quarantine_released", description = "true when the delivery released a quarantined issue")
        Boolean quarantineReleased) {

    public static WebhookReceipt duplicate(String deliveryId) {
        return new WebhookReceipt(true, null, null, true, null, null, null, deliveryId, null, null, null, null, null,
                null, null, null);
    }

    public static WebhookReceipt ignored(WebhookDelivery delivery, String reason) {
        return new WebhookReceipt(true, null, true, null, reason, delivery.event(), delivery.action(),
                delivery.deliveryId(), null, null, null, null, null, null, null, null);
    }

    public static WebhookReceipt queued(WebhookDelivery delivery, String workItemId, String repo, int prNumber,
            String sourceEventType, String sourceEventId) {
        return new WebhookReceipt(true, true, null, null, null, delivery.event(), delivery.action(),
                delivery.deliveryId(), workItemId, repo, prNumber, sourceEventType, sourceEventId, null, null, null);
    }

    public static WebhookReceipt resolved(WebhookDelivery delivery, String repo, int prNumber, List<String> ids) {
        return new WebhookReceipt(true, true, null, null, null, delivery.event(), delivery.action(),
                delivery.deliveryId(), null, repo, prNumber, null, null, ids, null, null);
    }

    /** The delivery released the quarantine of issue {@code number} of {@code repo} (docs/behaviour.md §17). */
    public static WebhookReceipt quarantineReleased(WebhookDelivery delivery, String repo, int number) {
        return new WebhookReceipt(true, true, null, null, null, delivery.event(), delivery.action(),
                delivery.deliveryId(), null, repo, null, null, null, null, number, true);
    }
}
