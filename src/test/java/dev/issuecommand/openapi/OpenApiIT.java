package dev.issuecommand.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.RepoSummary;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.webhooks.entity.WebhookReceipt;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} against the runnable jar: every served route, the error shape, the wire records, the formats
 * and the UI with its Swagger UI files, all without the API key.
 */
@WithSharedServer
class OpenApiIT {

    /** Routes served outside JAX-RS resources: the webhook filter (default WEBHOOK_PATH) and the event stream. */
    static final Set<String> NON_RESOURCE_ROUTES = Set.of("POST /api/webhooks/github", "GET /sse");

    /** The routes every existing client relies on (docs/behaviour.md §8), in the colon notation. */
    static final List<String> README_ROUTES = List.of("GET /sse", "GET /api/repos", "GET /api/repos/:owner/:repo/issues",
            "GET /api/issues/:owner/:repo/:number", "POST /api/next", "POST /api/next-work", "POST /api/claims",
            "DELETE /api/claims/:claim_id", "PATCH /api/claims/:claim_id", "GET /api/followups",
            "PATCH /api/followups/:work_item_id", "GET /api/my-work", "POST /api/webhooks/github", "GET /api/claims",
            "GET /api/health");

    static final List<String> VERBS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    static Api api;
    static JsonNode document;

    @BeforeAll
    static void start(TestServer shared) {
        api = shared.api();
        Api.Answer answer = fetch("/openapi", "application/json");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        document = answer.json();
    }

    static Api.Answer fetch(String path, String accept) {
        return api.getPublic(path, accept);
    }

    static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
            if (VERBS.contains(verb)) {
                routes.add(verb.toUpperCase() + " " + path.getKey());
            }
        }));
        return routes;
    }

    /** {@code {claimId}} and {@code :claim_id} both become {@code {}}, so the two notations compare. */
    static String shape(String route) {
        return route.replaceAll("\\{[^}]*}", "{}").replaceAll(":[a-z_]+", "{}");
    }

    @Test
    void everyRouteTheCodeServesIsDocumentedWithItsMethod() {
        Set<String> served = new TreeSet<>(JaxRsRoutes.all());
        assertThat(served).as("the reflection must find the resources: %s", served).hasSizeGreaterThanOrEqualTo(17)
                .contains("POST /api/claims", "PATCH /api/claims/{claimId}", "POST /api/next-work");
        served.addAll(NON_RESOURCE_ROUTES);
        Set<String> documented = documentedRoutes();
        assertThat(documented).containsAll(served);
        assertThat(documented).as("nothing documented that is not served").isEqualTo(served);
    }

    @Test
    void everyRouteOfTheReadmeIsDocumented() {
        Set<String> documented = documentedRoutes().stream().map(OpenApiIT::shape).collect(Collectors.toSet());
        assertThat(README_ROUTES.stream().map(OpenApiIT::shape).toList()).allSatisfy(
                route -> assertThat(documented).contains(route));
    }

    @Test
    void everyOperationHasASummaryATagAndASuccessAnswer() {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!VERBS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as(where).isNotBlank();
            assertThat(operation.path("tags")).as(where).isNotEmpty();
            assertThat(Stream.of("200", "201", "202").anyMatch(code -> operation.path("responses").has(code))).as(where)
                    .isTrue();
        }));
        JsonNode claim = document.at("/paths/~1api~1claims/post");
        assertThat(claim.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ClaimRequest");
        assertThat(claim.at("/responses/409/$ref").asText()).isEqualTo("#/components/responses/Problem");
        assertThat(document.at("/components/responses/Problem/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void errorSchemaHasEveryMemberOfTheErrorShape() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(names(problem)).contains("type", "title", "status", "detail", "ok", "error", "reason", "message",
                "owner_agent_id", "claim", "scope", "retry_after_seconds", "correlation_id");
        assertThat(names(problem)).containsAll(wireNames(Problem.class));
    }

    @Test
    void wireSchemasNameEveryMemberOfTheirRecords() {
        Map<String, Class<? extends Record>> schemas = Map.of("Claim", ClaimView.class, "Followup", FollowupView.class,
                "WebhookReceipt", WebhookReceipt.class, "Issue", GitHubIssue.class, "Repo", RepoSummary.class);
        schemas.forEach((schema, type) -> assertThat(names(document.at("/components/schemas/" + schema + "/properties")))
                .as(schema).isEqualTo(wireNames(type)));
    }

    @Test
    void securitySchemesDescribeTheApiKeyAndTheWebhookSignature() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        assertThat(document.at("/components/securitySchemes/githubSignature/name").asText())
                .isEqualTo("X-Hub-Signature-256");
        JsonNode webhook = document.at("/paths/~1api~1webhooks~1github/post");
        assertThat(webhook.at("/security/0").has("githubSignature")).isTrue();
        assertThat(webhook.at("/responses/202/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/WebhookReceipt");
        assertThat(document.at("/paths/~1sse/get/responses/200/content").has("text/event-stream")).isTrue();
    }

    @Test
    void documentIsYamlByDefaultJsonOnRequestAndNeedsNoApiKey() throws IOException {
        Api.Answer yaml = fetch("/openapi", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(contentType(yaml)).isEqualTo("application/yaml");
        assertThat(yaml.text()).contains("openapi: 3.").contains("/api/claims/{claimId}:");
        Api.Answer json = fetch("/openapi?format=JSON", null);
        assertThat(contentType(json)).isEqualTo("application/json");
        assertThat(new ObjectMapper().readTree(json.text()).path("paths").has("/api/next-work")).isTrue();
        assertThat(contentType(fetch("/openapi", "application/json"))).isEqualTo("application/json");
        assertThat(api.send("GET", "/api/claims", null, null).status()).as("the API stays closed").isEqualTo(401);
    }

    @Test
    void documentIsTheOneBuiltWithTheServerAndCanBeRevalidated() {
        assertThat(document.at("/servers/0/url").asText()).as("relative to this server").isEqualTo("/");
        Api.Answer yaml = fetch("/openapi", null);
        String etag = yaml.raw().headers().firstValue("ETag").orElseThrow();
        HttpRequest again = HttpRequest.newBuilder(URI.create(api.base() + "/openapi")).header("If-None-Match", etag)
                .timeout(Duration.ofSeconds(30)).GET().build();
        assertThat(api.send(again).status()).isEqualTo(304);
        assertThat(fetch("/openapi", "application/json").raw().headers().firstValue("ETag")).as("one per format")
                .isPresent().get().isNotEqualTo(etag);
        HttpRequest post = HttpRequest.newBuilder(URI.create(api.base() + "/openapi"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
        Api.Answer refused = api.send(post);
        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.json().path("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void browsableUiLoadsSwaggerUiFromThisServer() {
        Api.Answer bare = fetch("/openapi/ui", "text/html");
        assertThat(bare.status()).as("/openapi/ui redirects to the UI").isEqualTo(302);
        assertThat(bare.raw().headers().firstValue("Location").orElse("")).endsWith("/openapi/ui/");

        Api.Answer ui = fetch("/openapi/ui/", "text/html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(contentType(ui)).startsWith("text/html");
        assertThat(ui.raw().headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self';");
        String page = ui.text();
        assertThat(page.toLowerCase()).contains("<html");
        List<String> scripts = attributes(page, "script", "src");
        assertThat(scripts).as("no inline script").hasSize(page.split("<script").length - 1)
                .contains("swagger-ui-bundle.js", "swagger-initializer.js");
        for (String script : scripts) {
            Api.Answer file = fetch("/openapi/ui/" + script, null);
            assertThat(file.status()).as(script).isEqualTo(200);
            assertThat(contentType(file)).as(script).startsWith("text/javascript");
        }
        for (String stylesheet : attributes(page, "link", "href")) {
            assertThat(fetch("/openapi/ui/" + stylesheet, null).status()).as(stylesheet).isEqualTo(200);
        }
        assertThat(fetch("/openapi/ui/swagger-ui-bundle.js", null).text()).contains("SwaggerUIBundle");
        assertThat(fetch("/openapi/ui/swagger-initializer.js", null).text()).contains("'../../openapi'");
        assertThat(fetch("/openapi/ui/nothing.js", null).status()).isEqualTo(404);
    }

    static String contentType(Api.Answer answer) {
        return answer.raw().headers().firstValue("Content-Type").orElse("");
    }

    /** The values of {@code attribute} on every {@code <tag>} of {@code html}. */
    static List<String> attributes(String html, String tag, String attribute) {
        return java.util.regex.Pattern.compile("<" + tag + "\\b[^>]*\\b" + attribute + "=\"([^\"]+)\"")
                .matcher(html).results().map(m -> m.group(1)).toList();
    }

    static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The JSON names of a record's components: JSON-B's snake_case, or an explicit {@code @JsonbProperty}. */
    static Set<String> wireNames(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonbProperty explicit = component.getAccessor().getAnnotation(JsonbProperty.class);
            names.add(explicit != null ? explicit.value()
                    : component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
        }
        return names;
    }
}
