package dev.issuecommand.webhooks.entity;

import jakarta.json.JsonObject;

/** One accepted webhook request: GitHub's event name, its delivery id (may be null) and the parsed payload. */
public record WebhookDelivery(String event, String deliveryId, JsonObject payload) {

    public String action() {
        return payload.getString("action", null);
    }
}
