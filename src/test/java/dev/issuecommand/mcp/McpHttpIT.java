package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The Streamable HTTP rules of {@code /mcp} on the runnable jar, spoken as plain HTTP by the JDK client. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithSharedServer
class McpHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String REPO = "acme/mcp-http";
    private static final String DASHBOARD = "https://dash.example.com";
    private static final String RATE_LIMITED = "rate_limited";

    @TempDir
    static Path dir;

    static FakeGitHub github;
    /** The shared server with default settings: loopback origins, 30-minute sessions, no rate limits. */
    static ServerProcess plain;
    /** One allowed origin, sessions idle for 3 s, a mutation burst of 2. */
    static ServerProcess tuned;

    /** An answer of {@code /mcp}; {@link #json} is the body, or the last {@code data:} event of a stream. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() throws IOException {
            if (!headers.firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                return JSON.readTree(body);
            }
            List<String> data = body.lines().filter(line -> line.startsWith("data:")).toList();
            assertThat(data).as("data events in " + body).isNotEmpty();
            return JSON.readTree(data.get(data.size() - 1).substring(5).strip());
        }

        /** Asserts a JSON-RPC error answer with {@code expectedStatus} and returns its message. */
        String error(int expectedStatus) throws IOException {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            JsonNode json = json();
            assertThat(json.path("jsonrpc").asText()).as(body).isEqualTo("2.0");
            assertThat(json.path("error").path("code").isInt()).as(body).isTrue();
            return json.path("error").path("message").asText();
        }
    }

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        github = new FakeGitHub();
        github.addIssues(REPO, 1, 5);
        plain = shared.server();
        tuned = ServerProcess.create(github, dir.resolve("tuned.db"), Map.of(
                "MCP_ALLOWED_ORIGINS", DASHBOARD,
                "MCP_SESSION_IDLE_MINUTES", "0.05",
                "RATE_LIMIT_ENABLED", "true",
                "RATE_LIMIT_AGENT_MUTATIONS_BURST", "2",
                "RATE_LIMIT_AGENT_MUTATIONS_PER_MINUTE", "1",
                "RATE_LIMIT_IP_BURST", "1000",
                "RATE_LIMIT_IP_PER_MINUTE", "1000")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (FakeGitHub fake = github) {
            if (tuned != null) {
                tuned.close();
            }
        }
    }

    @Test
    void refusesCallersWithoutTheKey() throws Exception {
        Reply none = send(plain, "POST", initializeBody("2025-11-25"), Map.of());
        assertThat(none.error(401)).contains("Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        Reply wrong = send(plain, "POST", initializeBody("2025-11-25"), Map.of("Authorization", "Bearer wrong-key"));
        wrong.error(401);
        assertThat(wrong.body()).doesNotContain("wrong-key");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void acceptsLoopbackOriginsAndCallersWithoutOne() throws Exception {
        Reply evil = send(plain, "POST", initializeBody("2025-11-25"),
                withKey("Origin", "http://evil.example.com"));
        assertThat(evil.error(403)).contains("http://evil.example.com");
        assertThat(initialize(plain, "Origin", "http://localhost:" + ServerProcess.freePort())).isNotBlank();
        assertThat(initialize(plain, "Origin", "http://127.0.0.1:3000")).isNotBlank();
        assertThat(initialize(plain)).isNotBlank();
    }

    @Test
    void configuredOriginsReplaceTheLoopbackDefault() throws Exception {
        assertThat(initialize(tuned, "Origin", DASHBOARD)).isNotBlank();
        Reply loopback = send(tuned, "POST", initializeBody("2025-11-25"), withKey("Origin", "http://localhost:1234"));
        assertThat(loopback.error(403)).contains("http://localhost:1234");
        assertThat(initialize(tuned)).as("callers without an Origin still pass").isNotBlank();
    }

    @Test
    void aSessionAnswersUntilItIsDeleted() throws Exception {
        String session = initialize(plain);
        JsonNode health = result(call(plain, session, "system_health", Map.of()));
        assertThat(health.path("isError").asBoolean()).isFalse();
        assertThat(health.path("structuredContent").path("ok").asBoolean()).as(health.toString()).isTrue();

        call(plain, UUID.randomUUID().toString(), "system_health", Map.of()).error(404);
        call(plain, null, "system_health", Map.of()).error(400);

        Reply deleted = send(plain, "DELETE", null, withKey("Mcp-Session-Id", session));
        assertThat(deleted.status()).as(deleted.body()).isBetween(200, 299);
        call(plain, session, "system_health", Map.of()).error(404);
    }

    @Test
    void anUnusedSessionIsEvicted() throws Exception {
        String session = initialize(tuned);
        // polled every 7 s, not sooner: each call would count as use and keep the session alive
        await("a session idle for two sweeps of 3 s is gone").atMost(Duration.ofSeconds(45))
                .pollDelay(Duration.ofSeconds(7)).pollInterval(Duration.ofSeconds(7))
                .until(() -> call(tuned, session, "system_health", Map.of()).status() == 404);
        assertThat(initialize(tuned)).as("a new session can start").isNotBlank();
    }

    @Test
    void speaksOnlyTheStreamableHttpRevisions() throws Exception {
        Reply old = send(plain, "POST", initializeBody("2025-11-25"), withKey("MCP-Protocol-Version", "1999-01-01"));
        assertThat(old.error(400)).contains("1999-01-01", "2025-11-25");
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
            Reply answer = send(plain, "POST", initializeBody(version), withKey("MCP-Protocol-Version", version));
            assertThat(answer.status()).as(version + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/result/protocolVersion").asText()).isEqualTo(version);
            String session = answer.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(result(call(plain, session, "system_health", Map.of(), "MCP-Protocol-Version", version))
                    .at("/structuredContent/ok").asBoolean()).isTrue();
        }
    }

    @Test
    void refusesBodiesOverOneMebibyte() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        assertThat(send(plain, "POST", body, withKey()).error(413)).contains("1 MiB");
        assertThat(initialize(plain)).as("the server still answers").isNotBlank();
    }

    @Test
    void limitsMutationsButNotReadsOrTheLocalRelay() throws Exception {
        String session = initialize(tuned);
        for (int issue = 1; issue <= 2; issue++) {
            JsonNode claimed = result(call(tuned, session, "claim_issue", claim("agent-http", issue)));
            assertThat(claimed.at("/structuredContent/ok").asBoolean()).as(claimed.toString()).isTrue();
        }
        for (String agent : List.of("agent-http", "agent-other")) {
            JsonNode refused = result(call(tuned, session, "claim_issue", claim(agent, 3)));
            assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
            JsonNode payload = refused.path("structuredContent");
            assertThat(payload.path("ok").asBoolean()).isFalse();
            assertThat(payload.path("error").asText()).isEqualTo(RATE_LIMITED);
            assertThat(payload.path("scope").asText()).isEqualTo("agent_mutation");
            assertThat(payload.path("retry_after_seconds").asInt()).isBetween(1, 60);
        }
        JsonNode claims = result(call(tuned, session, "get_all_claims", Map.of()));
        assertThat(claims.path("isError").asBoolean()).as(claims.toString()).isFalse();
        assertThat(claims.at("/structuredContent/claims").size()).isEqualTo(2);

        JsonNode relayed = result(call(tuned, session, "claim_issue", claim("agent-http", 3),
                "X-IssueCommand-Relay", "stdio"));
        assertThat(relayed.path("isError").asBoolean()).as(relayed.toString()).isFalse();
        assertThat(relayed.at("/structuredContent/ok").asBoolean()).isTrue();
        assertThat(result(call(tuned, session, "claim_issue", claim("agent-http", 4)))
                .at("/structuredContent/error").asText()).as("the relay took no token").isEqualTo(RATE_LIMITED);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void logsNeverShowTheSecrets() throws Exception {
        for (ServerProcess server : List.of(plain, tuned)) {
            assertThat(server.stderrText()).isNotBlank()
                    .doesNotContain(ServerProcess.API_KEY).doesNotContain(ServerProcess.GITHUB_TOKEN);
        }
    }

    /** Starts a session with the optional header pairs, checks the handshake, and returns the session id. */
    private static String initialize(ServerProcess server, String... headers) throws Exception {
        Reply reply = send(server, "POST", initializeBody("2025-11-25"), withKey(headers));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/result/serverInfo/name").asText()).isNotBlank();
        String session = reply.headers().firstValue("Mcp-Session-Id").orElseThrow();
        Map<String, String> sessionHeaders = withKey(headers);
        sessionHeaders.put("Mcp-Session-Id", session);
        Reply initialized = send(server, "POST", bytes(Map.of("jsonrpc", "2.0", "method",
                "notifications/initialized")), sessionHeaders);
        assertThat(initialized.status()).as(initialized.body()).isEqualTo(202);
        return session;
    }

    /** {@code tools/call} of {@code tool} in {@code session} (null: none) with extra header pairs. */
    private static Reply call(ServerProcess server, String session, String tool, Map<String, Object> arguments,
            String... headers) throws Exception {
        Map<String, String> all = withKey(headers);
        if (session != null) {
            all.put("Mcp-Session-Id", session);
        }
        return send(server, "POST", bytes(Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(),
                "method", "tools/call", "params", Map.of("name", tool, "arguments", arguments))), all);
    }

    /** The {@code result} of a tool call answered as an event stream. */
    private static JsonNode result(Reply reply) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        JsonNode json = reply.json();
        assertThat(json.has("result")).as(reply.body()).isTrue();
        return json.path("result");
    }

    private static Reply send(ServerProcess server, String method, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/event-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as("no secret and no stack trace in an answer")
                .doesNotContain(ServerProcess.API_KEY).doesNotContain("Exception").doesNotContain("\tat ");
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** The bearer key plus header pairs, in a map the caller may extend. */
    private static Map<String, String> withKey(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + ServerProcess.API_KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static byte[] initializeBody(String version) throws IOException {
        return bytes(Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", "initialize",
                "params", Map.of("protocolVersion", version, "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "mcp-http-it", "version", "1.0.0"))));
    }

    private static Map<String, Object> claim(String agent, int issue) {
        return Map.of("agent_id", agent, "repo", REPO, "issue_number", issue);
    }

    private static byte[] bytes(Object message) throws IOException {
        return JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }
}
