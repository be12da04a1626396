package dev.issuecommand.webhooks.boundary;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.auth.RoutePath;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import dev.issuecommand.webhooks.control.WebhookIngest;
import dev.issuecommand.webhooks.control.WebhookSignature;
import dev.issuecommand.webhooks.entity.WebhookDelivery;
import dev.issuecommand.webhooks.entity.WebhookReceipt;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST WEBHOOK_PATH} (docs/behaviour.md §7). The path is a setting, so this is a pre-matching filter that
 * answers requests for exactly that path itself; it runs before the API-key filter, which leaves the path alone.
 * With {@code WEBHOOK_ENABLED=false} the path answers 404 like any unknown route.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 10)
public class WebhookFilter implements ContainerRequestFilter {

    static final String UNAUTHORIZED = "unauthorized_webhook";
    static final String INVALID = "invalid_webhook_payload";

    @Inject
    Settings settings;

    @Inject
    WebhookIngest ingest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = RoutePath.of(request);
        if (!path.equals(settings.webhookPath())) {
            return;
        }
        if (!settings.webhookEnabled()) {
            request.abortWith(ProblemResponses.of(Problem.of(404, "not_found", "Not found", "No such route")));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            request.abortWith(ProblemResponses.builder(Problem.of(405, "method_not_allowed", "Method not allowed",
                    "The webhook path accepts POST only")).header(HttpHeaders.ALLOW, "POST").build());
            return;
        }
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (WebApplicationException e) {
            request.abortWith(e.getResponse());
            return;
        } catch (IOException e) {
            request.abortWith(invalid("The request body could not be read", null, null));
            return;
        }
        request.abortWith(handle(request, body));
    }

    private Response handle(ContainerRequestContext request, byte[] body) {
        String event = request.getHeaderString("X-GitHub-Event");
        String deliveryId = Optional.ofNullable(request.getHeaderString("X-GitHub-Delivery"))
                .map(String::strip).filter(id -> !id.isEmpty() && id.length() <= 200).orElse(null);
        boolean byKey = ApiKey.matches(request.getHeaderString(HttpHeaders.AUTHORIZATION), settings.apiKey());
        String signature = request.getHeaderString("X-Hub-Signature-256");
        if (!byKey && !WebhookSignature.valid(body, signature, settings.githubWebhookSecret())) {
            String reason = signature == null ? "missing_valid_signature_or_api_key" : "invalid_signature";
            ingest.rejected(UNAUTHORIZED, reason, event, deliveryId);
            return ProblemResponses.of(unauthorized(reason));
        }
        if (event == null || event.isBlank()) {
            return invalid("Missing X-GitHub-Event header", event, deliveryId);
        }
        Optional<JsonObject> payload = WebhookPayload.parse(body, request.getMediaType());
        if (payload.isEmpty()) {
            return invalid("The payload must be a JSON object", event, deliveryId);
        }
        WebhookReceipt receipt = ingest.ingest(new WebhookDelivery(event.strip(), deliveryId, payload.get()));
        int status = Boolean.TRUE.equals(receipt.duplicate()) ? 200 : 202;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(receipt).build();
    }

    private Response invalid(String detail, String event, String deliveryId) {
        ingest.rejected(INVALID, INVALID, event, deliveryId);
        return ProblemResponses.of(Problem.of(400, INVALID, "Invalid webhook payload", detail));
    }

    private static Problem unauthorized(String reason) {
        String detail = "Send a valid X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET) or Authorization: Bearer <API_KEY>";
        return new Problem("urn:issuecommand:problem:" + UNAUTHORIZED, "Unauthorized webhook", 401, detail, false,
                UNAUTHORIZED, reason, detail, null, null, null, null, null);
    }
}
