package dev.issuecommand.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mode on the runnable jar (docs/behaviour.md §16): {@code --demo} without any GitHub setting shows
 * simulated agents at work through the API, the event stream, the dashboard's charts and MCP, in a database of its
 * own; {@code DEMO=true} beside a real token is no demo.
 */
class DemoModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEMO_KEY = "demo";

    @TempDir
    Path dir;

    @Test
    void theDemoMovesWithoutGitHub() throws Exception {
        Path normal = dir.resolve("issuecommand.db");
        try (ServerProcess demo = ServerProcess.create(null, normal, Map.of())
                .without(DEMO_KEY, "GITHUB_TOKEN", "GITHUB_API_URL", "API_KEY", "HTTP_HOST", "DEMO")
                .withArguments(List.of("--demo")).start();
                SseStream events = SseStream.open(SseStream.newClient(), demo.base(), DEMO_KEY, Map.of())) {
            Api api = demo.api();
            assertThat(api.get("/api/health").json().path("demo").asBoolean()).isTrue();

            await().atMost(WAIT).untilAsserted(() -> assertThat(field(api.get("/api/claims").json().path("claims"),
                    "agent_id")).anyMatch(agent -> agent.startsWith("demo-")));
            List<SseStream.Frame> frames = events.until(frame -> frame.event().startsWith("claim.")
                    && frame.json().path("actor").asText().startsWith("agent:demo-"), WAIT);
            JsonNode claimEvent = frames.get(frames.size() - 1).json();
            assertThat(claimEvent.path("actor").asText()).isEqualTo("agent:" + claimEvent.path("agent_id").asText());
            await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/followups").json().path("followups"))
                    .anySatisfy(followup -> assertThat(followup.path("pr_url").asText())
                            .startsWith("https://github.com/demo-org/")));
            assertThat(field(api.get("/api/repos").json().path("repos"), "full_name"))
                    .containsExactlyInAnyOrder("demo-org/api", "demo-org/web", "demo-org/docs");
            assertThat(api.get("/api/claims/history?limit=200").json().path("items").size())
                    .as("the history of the last 24 hours").isGreaterThanOrEqualTo(30);

            Api.Answer signedIn = api.sendWith("POST", "/ui/api/session", Map.of("key", DEMO_KEY), Map.of());
            assertThat(signedIn.json().path("demo").asBoolean()).as(signedIn.text()).isTrue();
            String cookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            JsonNode charts = api.sendWith("GET", "/ui/api/history", null, Map.of("Cookie", cookie)).json();
            assertThat(sum(charts.path("hours"), "/closed")).as("claims closed per hour").isGreaterThanOrEqualTo(20);
            assertThat(sum(charts.path("hours"), "/released")).isGreaterThanOrEqualTo(4);
            assertThat(sum(charts.path("days"), "/to_pr_submitted/count")).isGreaterThanOrEqualTo(20);

            McpSession mcp = McpSession.start(demo.base());
            assertThat(field(mcp.request("tools/list", Map.of()).path("tools"), "name")).contains("next_issue");
            JsonNode next = mcp.request("tools/call", Map.of("name", "next_issue",
                    "arguments", Map.of("agent_id", "newcomer"))).path("structuredContent");
            assertThat(next.path("ok").asBoolean()).as(next.toString()).isTrue();
            assertThat(next.path("claim").path("repo").asText()).startsWith("demo-org/");

            assertThat(dir.resolve("issuecommand-demo.db")).exists();
            assertThat(normal).doesNotExist();
            assertThat(demo.stderrText()).contains("\"demo.started\"").doesNotContain("github.gh");
            assertThat(demo.stdoutText()).isEmpty();
        }
    }

    @Test
    void demoTrueBesideATokenIsNoDemo() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues("acme/real", 1, 3);
            try (ServerProcess server = ServerProcess.create(github, dir.resolve("real.db"), Map.of("DEMO", "true"))
                    .start()) {
                Api api = server.api();
                assertThat(api.get("/api/health").json().path("demo").asBoolean()).isFalse();
                assertThat(api.post("/api/sync", Map.of()).status()).isEqualTo(200);
                assertThat(field(api.get("/api/repos").json().path("repos"), "full_name")).containsExactly("acme/real");
                assertThat(api.get("/api/claims").json().path("claims")).isEmpty();
                assertThat(api.get("/api/claims/history").json().path("items")).isEmpty();
                assertThat(dir.resolve("real-demo.db")).doesNotExist();
                assertThat(server.stderrText().lines().filter(line -> line.contains("\"demo.declined\"")))
                        .hasSize(1);
                assertThat(server.stderrText()).doesNotContain("\"demo.started\"");
            }
        }
    }

    private static int sum(JsonNode array, String pointer) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(node -> node.at(pointer).asInt()).sum();
    }

    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(name).asText()).toList();
    }

    /** A Streamable HTTP session on {@code /mcp} with the demo key, spoken as plain JSON-RPC. */
    private record McpSession(HttpClient client, String base, String id) {

        static McpSession start(String base) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            McpSession opening = new McpSession(client, base, null);
            HttpResponse<String> answer = opening.post(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize",
                    "params", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
                            "clientInfo", Map.of("name", "demo-test", "version", "1"))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            McpSession session = new McpSession(client, base,
                    answer.headers().firstValue("Mcp-Session-Id").orElseThrow());
            assertThat(session.post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized")).statusCode())
                    .isEqualTo(202);
            return session;
        }

        /** The {@code result} of request {@code method}. */
        JsonNode request(String method, Map<String, Object> params) throws Exception {
            HttpResponse<String> answer = post(Map.of("jsonrpc", "2.0", "id", 2, "method", method, "params", params));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String body = answer.body();
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                List<String> data = body.lines().filter(line -> line.startsWith("data:")).toList();
                body = data.get(data.size() - 1).substring("data:".length()).strip();
            }
            JsonNode json = JSON.readTree(body);
            assertThat(json.has("result")).as(body).isTrue();
            return json.path("result");
        }

        HttpResponse<String> post(Map<String, Object> message) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + DEMO_KEY)
                    .header("Accept", "application/json, text/event-stream")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
            if (id != null) {
                request.header("Mcp-Session-Id", id);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
