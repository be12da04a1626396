package dev.issuecommand.webhooks;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.webhooks.control.WebhookSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Sends webhook deliveries the way GitHub does: raw bytes, event and delivery headers, HMAC signature. */
public final class WebhookSender {

    private final Api api;
    private final String path;
    private final String secret;

    public WebhookSender(Api api, String path, String secret) {
        this.api = api;
        this.path = path;
        this.secret = secret;
    }

    /** Signs and sends {@code payload} (bytes as they are, anything else as JSON) with a fresh delivery id. */
    public Api.Answer send(String event, Object payload) {
        return send(event, UUID.randomUUID().toString(), payload);
    }

    public Api.Answer send(String event, String deliveryId, Object payload) {
        byte[] body = bytes(payload);
        return request(event, deliveryId, body, "X-Hub-Signature-256", WebhookSignature.sign(body, secret));
    }

    /** Sends with one extra header (or none when {@code header} is null) instead of the signature. */
    public Api.Answer request(String event, String deliveryId, byte[] body, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/test")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (event != null) {
            request.header("X-GitHub-Event", event);
        }
        if (deliveryId != null) {
            request.header("X-GitHub-Delivery", deliveryId);
        }
        if (header != null) {
            request.header(header, value);
        }
        return api.send(request.build());
    }

    public static byte[] bytes(Object payload) {
        if (payload instanceof byte[] raw) {
            return raw;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return Api.toJson(payload).getBytes(StandardCharsets.UTF_8);
    }
}
