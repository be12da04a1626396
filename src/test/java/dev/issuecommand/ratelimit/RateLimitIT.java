package dev.issuecommand.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of docs/behaviour.md §11 against the runnable jar with small bursts and a slow refill (1 a minute). The
 * server trusts its proxy, so each test speaks from its own X-Forwarded-For address and has buckets of its own.
 */
@WithOwnServer(settings = {"RATE_LIMIT_ENABLED=true", "TRUST_PROXY=true",
    "RATE_LIMIT_IP_BURST=" + RateLimitIT.IP_BURST, "RATE_LIMIT_IP_PER_MINUTE=1",
    "RATE_LIMIT_SSE_CONNECT_BURST=" + RateLimitIT.SSE_BURST, "RATE_LIMIT_SSE_CONNECT_PER_MINUTE=1",
    "RATE_LIMIT_AGENT_MUTATIONS_BURST=" + RateLimitIT.MUTATION_BURST, "RATE_LIMIT_AGENT_MUTATIONS_PER_MINUTE=1"})
class RateLimitIT {

    private static final String REPO = "acme/limits";
    static final int IP_BURST = 5;
    static final int SSE_BURST = 2;
    static final int MUTATION_BURST = 3;

    static ServerProcess server;
    static Api api;

    @BeforeAll
    static void start(TestServer own) {
        own.github().addIssues(REPO, 1, 10);
        server = own.server();
        api = server.api();
    }

    static Api.Answer send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ServerProcess.API_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Api.toJson(body)));
        headers.forEach(request::header);
        return api.send(request.build());
    }

    static Api.Answer getFrom(String forwardedFor, String path) {
        return send("GET", path, null, Map.of("X-Forwarded-For", forwardedFor));
    }

    /** Asserts the 429 shape and returns its Retry-After. */
    static int assertLimited(Api.Answer answer, String scope) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(429);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = answer.json();
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo("rate_limited");
        assertThat(body.get("scope").asText()).isEqualTo(scope);
        assertThat(body.get("status").asInt()).isEqualTo(429);
        int retryAfter = Integer.parseInt(answer.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("whole seconds, at least one").isBetween(1, 60);
        assertThat(body.get("retry_after_seconds").asInt()).isEqualTo(retryAfter);
        return retryAfter;
    }

    @Test
    void eachClientIpHasABurstOfApiRequests() {
        for (int i = 0; i < IP_BURST; i++) {
            Api.Answer health = getFrom("10.1.0.1", "/api/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("health").has("uptime_seconds")).isTrue();
        }
        assertLimited(getFrom("10.1.0.1", "/api/health"), "ip");
        assertThat(getFrom("10.1.0.2", "/api/health").status()).as("another client is not affected").isEqualTo(200);
        assertLimited(getFrom("10.1.0.1", "/api/claims"), "ip");
        assertLimited(getFrom("10.1.0.1", "/api/no-such-route"), "ip");
        String metrics = api.send("GET", "/metrics?scope=application", null, null).text();
        assertThat(metrics.lines().filter(line -> line.startsWith("issuecommand_rate_limited_total{")
                && line.contains("scope=\"ip\"")).findFirst())
                .as("refusals are counted in the metrics").hasValueSatisfying(line ->
                        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(3));
    }

    @Test
    void failedAuthenticationCountsAgainstTheIpToo() {
        for (int i = 0; i < IP_BURST; i++) {
            Api.Answer denied = api.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/health"))
                    .header("Authorization", "Bearer wrong").header("X-Forwarded-For", "10.2.0.1").build());
            assertThat(denied.status()).isEqualTo(401);
        }
        assertLimited(getFrom("10.2.0.1", "/api/health"), "ip");
    }

    @Test
    void theWebhookPathIsLimitedPerIp() {
        Map<String, String> headers = Map.of("X-Forwarded-For", "10.3.0.1", "X-GitHub-Event", "ping");
        for (int i = 0; i < IP_BURST; i++) {
            assertThat(send("POST", "/api/webhooks/github", Map.of("zen", "hi"), headers).status()).isNotEqualTo(429);
        }
        assertLimited(send("POST", "/api/webhooks/github", Map.of("zen", "hi"), headers), "ip");
    }

    @Test
    void xRealIpCountsWhenThereIsNoForwardedFor() {
        for (int i = 0; i < IP_BURST; i++) {
            assertThat(send("GET", "/api/health", null, Map.of("X-Real-IP", "10.4.0.1")).status()).isEqualTo(200);
        }
        assertLimited(send("GET", "/api/health", null, Map.of("X-Real-IP", "10.4.0.1")), "ip");
        assertLimited(getFrom("10.4.0.1, 192.168.0.1", "/api/health"), "ip");
        assertThat(getFrom("10.4.0.9, 10.4.0.1", "/api/health").status())
                .as("only the first X-Forwarded-For entry names the client").isEqualTo(200);
    }

    @Test
    void streamConnectionAttemptsAreLimitedPerIp() throws Exception {
        List<SseStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < SSE_BURST; i++) {
                SseStream stream = SseStream.open(SseStream.newClient(), server.base(), ServerProcess.API_KEY,
                        Map.of("X-Forwarded-For", "10.5.0.1"));
                streams.add(stream);
                assertThat(stream.next(Duration.ofSeconds(20)).event()).isEqualTo("connected");
            }
            assertLimited(send("GET", "/sse", null, Map.of("X-Forwarded-For", "10.5.0.1")), "sse_connect");
            assertThat(getFrom("10.5.0.1", "/api/health").status()).as("the API bucket is separate").isEqualTo(200);
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @Test
    void mutationsTakeFromThePrincipalsAndTheAgentsBuckets() {
        Api.Answer first = send("POST", "/api/claims", Map.of("agent_id", "agent-m1", "repo", REPO, "issue_number", 1),
                Map.of("X-Forwarded-For", "10.6.0.1"));
        assertThat(first.status()).as("the body reaches the resource intact").isEqualTo(200);
        assertThat(first.json().get("claim").get("agent_id").asText()).isEqualTo("agent-m1");
        String claimId = first.json().get("claim").get("claim_id").asText();
        Api.Answer second = send("PATCH", "/api/claims/" + claimId, Map.of("agent_id", "agent-m1", "status", "in_progress"),
                Map.of("X-Forwarded-For", "10.6.0.2"));
        assertThat(second.json().get("claim").get("status").asText()).isEqualTo("in_progress");
        assertThat(send("GET", "/api/claims", null, Map.of("X-Forwarded-For", "10.6.0.3")).status())
                .as("reads are no mutations").isEqualTo(200);
        Api.Answer third = send("PATCH", "/api/followups/some-item", Map.of("agent_id", "agent-m2", "status", "done"),
                Map.of("X-Forwarded-For", "10.6.0.4"));
        assertThat(third.status()).as("a mutation route counts whatever it answers").isNotEqualTo(429);

        Api.Answer denied = send("POST", "/api/claims/" + claimId + "/heartbeat", Map.of("agent_id", "agent-m3"),
                Map.of("X-Forwarded-For", "10.6.0.5"));
        assertLimited(denied, "agent_mutation");
        assertLimited(send("POST", "/api/next", Map.of("agent_id", "agent-m4"), Map.of("X-Forwarded-For", "10.6.0.6")),
                "agent_mutation");
        assertLimited(send("DELETE", "/api/claims/" + claimId, Map.of("agent_id", "agent-m1"),
                Map.of("X-Forwarded-For", "10.6.0.7")), "agent_mutation");
        assertThat(api.get("/api/claims/" + claimId).json().get("claim").get("status").asText())
                .as("a refused mutation changes nothing").isEqualTo("in_progress");
        assertLimited(send("DELETE", "/api/quarantine/" + REPO + "/2", null, Map.of("X-Forwarded-For", "10.6.0.8")),
                "agent_mutation");
    }

    @Test
    void dashboardSignInsAreLimitedPerIpSoKeysCannotBeGuessed() {
        Map<String, String> from = Map.of("X-Forwarded-For", "10.7.0.1");
        for (int i = 0; i < IP_BURST; i++) {
            Api.Answer wrong = api.sendWith("POST", "/ui/api/session", Map.of("key", "guess-" + i, "name", "mallory"),
                    from);
            assertThat(wrong.status()).as(wrong.text()).isEqualTo(401);
        }
        Api.Answer right = api.sendWith("POST", "/ui/api/session",
                Map.of("key", ServerProcess.API_KEY, "name", "mallory"), from);
        assertLimited(right, "ip");
        assertThat(right.raw().headers().firstValue("Set-Cookie")).as("no session while limited").isEmpty();
        assertThat(api.sendWith("POST", "/ui/api/session", Map.of("key", ServerProcess.API_KEY, "name", "alice"),
                Map.of("X-Forwarded-For", "10.7.0.2")).status()).as("another address signs in").isEqualTo(200);
    }
}
