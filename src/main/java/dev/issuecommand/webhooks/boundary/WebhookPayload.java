package dev.issuecommand.webhooks.boundary;

import dev.issuecommand.config.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a webhook body as a JSON object: {@code application/json}, or GitHub's form encoding ({@code payload=…}). */
final class WebhookPayload {

    private WebhookPayload() {
    }

    static Optional<JsonObject> parse(byte[] body, MediaType type) {
        try {
            JsonValue value;
            if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                Optional<String> payload = formPayload(new String(body, StandardCharsets.UTF_8));
                if (payload.isEmpty()) {
                    return Optional.empty();
                }
                try (var reader = JsonFactories.reader(new StringReader(payload.get()))) {
                    value = reader.readValue();
                }
            } else {
                try (var reader = JsonFactories.reader(new ByteArrayInputStream(body))) {
                    value = reader.readValue();
                }
            }
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (RuntimeException e) {
            // JsonException, and Parsson's plain RuntimeException for a payload nested beyond its depth limit
            return Optional.empty();
        }
    }

    private static Optional<String> formPayload(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(pair.substring(0, eq))) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
