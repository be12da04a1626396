package dev.issuecommand.quarantine;

import static dev.issuecommand.quarantine.Strikes.AGENT;
import static dev.issuecommand.quarantine.Strikes.quarantine;
import static dev.issuecommand.quarantine.Strikes.quarantined;
import static dev.issuecommand.quarantine.Strikes.release;
import static dev.issuecommand.quarantine.Strikes.strike;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quarantine as a user sees it (docs/behaviour.md §17), with the default QUARANTINE_AFTER=3 on the server shared with
 * {@code StaleSweepIT} (claims go stale after 3 s). Each test has a repository of its own. Strikes are made by the
 * agent moving its claim to {@code stale} and releasing it, except where the stale sweep itself is the point. Strikes
 * through two processes: {@code ClaimListAcrossProcessesIT}, which has the second process.
 */
@WithSharedServer(settings = {"CLAIM_TIMEOUT_MINUTES=0.05", "STALE_AUTO_RELEASE_MINUTES=0.1", "FOLLOWUP_STALE_MINUTES=0.05"})
class QuarantineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeGitHub github;
    static ServerProcess server;
    static Api api;

    @BeforeAll
    static void start(TestServer given) {
        github = given.github();
        for (String repo : List.of("acme/flaky", "acme/recovering", "acme/chatty", "acme/listed", "acme/synced", "acme/keyed")) {
            github.addIssues(repo, 1, 2);
        }
        server = given.server();
        api = given.api();
    }

    @Test
    void theThirdStaleClaimQuarantinesTheIssueUntilReleased() throws Exception {
        String repo = "acme/flaky";
        strike(api, repo, 1);
        strike(api, repo, 1);
        assertThat(quarantined(api, repo)).as("two strikes are not enough").isEmpty();
        try (SseStream stream = SseStream.open(SseStream.newClient(), server.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            String claimId = api.claimId(AGENT, repo, 1);
            List<SseStream.Frame> seen = stream.until(f -> f.event().equals("issue.quarantined")
                    && repo.equals(f.json().path("repo").asText()), WAIT);
            JsonNode event = seen.get(seen.size() - 1).json();
            assertThat(event.get("issue_number").asInt()).isEqualTo(1);
            assertThat(event.get("claim_id").asText()).as("the claim the sweep made stale").isEqualTo(claimId);
            assertThat(event.get("actor").asText()).isEqualTo("system");
            assertThat(event.at("/details/strikes").asInt()).isEqualTo(3);
            release(api, claimId);
        }

        JsonNode listed = quarantined(api, repo);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("issue_number").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("strikes").asInt()).isEqualTo(3);
        assertThat(listed.get(0).get("reason").asText()).contains("stale");
        assertThat(api.get("/api/quarantine").json().get("quarantined")).anyMatch(q -> q.get("repo").asText()
                .equals(repo));

        assertThat(next(repo, "/api/next")).as("next skips the quarantined issue").isEqualTo(2);
        assertThat(next(repo, "/api/next-work")).as("and so does next-work").isEqualTo(2);
        assertThat(api.get("/api/repos/" + repo + "/issues").json().get("issues"))
                .extracting(issue -> issue.get("number").asInt()).as("nor is it listed as open and free")
                .containsExactly(2);
        Api.Answer direct = api.claim(AGENT, repo, 1);
        assertThat(direct.status()).as(direct.text()).isEqualTo(200);
        assertThat(direct.json().get("ok").asBoolean()).isTrue();
        assertThat(direct.json().get("quarantined").asBoolean()).isTrue();
        assertThat(direct.json().at("/quarantine/strikes").asInt()).isEqualTo(3);
        assertThat(direct.json().at("/quarantine/since").asText()).isEqualTo(listed.get(0).get("since").asText());
        release(api, direct.json().at("/claim/claim_id").asText());

        Api.Answer released = api.delete("/api/quarantine/" + repo + "/1", null);
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.json().at("/quarantine/issue_number").asInt()).isEqualTo(1);
        assertThat(quarantined(api, repo)).isEmpty();
        Api.Answer again = api.delete("/api/quarantine/" + repo + "/1", null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(again.json().get("error").asText()).isEqualTo("not_quarantined");

        Api.Answer claimed = api.post("/api/next", Map.of("agent_id", AGENT, "repo", repo));
        assertThat(claimed.json().at("/claim/issue_number").asInt()).as("handed out again").isEqualTo(1);
        assertThat(claimed.json().has("quarantined")).isFalse();
        release(api, claimed.json().at("/claim/claim_id").asText());
    }

    @Test
    void aClaimThatWentStaleAndCameBackToWorkDoesNotStrike() {
        String repo = "acme/recovering";
        for (int i = 0; i < 3; i++) {
            String claimId = api.claimId(AGENT, repo, 1);
            for (String status : List.of("stale", "in_progress")) {
                Api.Answer moved = api.patch("/api/claims/" + claimId, Map.of("agent_id", AGENT, "status", status));
                assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            }
            release(api, claimId);
        }
        assertThat(quarantined(api, repo)).as("three slow but finished claims are not three strikes").isEmpty();
        strike(api, repo, 1);
        strike(api, repo, 1);
        assertThat(quarantined(api, repo)).as("only the two released while stale count").isEmpty();
        strike(api, repo, 1);
        assertThat(quarantined(api, repo)).hasSize(1);
    }

    @Test
    void aNewCommentOrAnEditedBodyOnGitHubReleasesIt() {
        String repo = "acme/chatty";
        WebhookSender hooks = new WebhookSender(api, "/api/webhooks/github", "");
        quarantine(api, repo, 1);
        assertThat(quarantined(api, repo)).hasSize(1);

        ObjectNode comment = onIssueOne("issue_comment.created.json", repo);
        JsonNode answer = deliver(hooks, "issue_comment", comment);
        assertThat(answer.get("processed").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("quarantine_released").asBoolean()).isTrue();
        assertThat(answer.get("issue_number").asInt()).isEqualTo(1);
        assertThat(quarantined(api, repo)).isEmpty();
        assertThat(deliver(hooks, "issue_comment", comment).get("reason").asText())
                .as("a comment on an issue not quarantined is ignored as before")
                .isEqualTo("issue_comment_not_on_pull_request");

        strike(api, repo, 1);
        assertThat(quarantined(api, repo)).as("strikes before the release no longer count").isEmpty();
        strike(api, repo, 1);
        strike(api, repo, 1);
        assertThat(quarantined(api, repo)).hasSize(1);
        JsonNode edited = deliver(hooks, "issues", onIssueOne("issues.edited.json", repo));
        assertThat(edited.get("quarantine_released").asBoolean()).as(edited.toString()).isTrue();
        assertThat(quarantined(api, repo)).isEmpty();
    }

    @Test
    void theSyncReleasesAnIssueUpdatedOrClosedOnGitHub() {
        String repo = "acme/synced";
        quarantine(api, repo, 1);
        quarantine(api, repo, 2);
        assertThat(api.post("/api/sync", null).status()).isEqualTo(200);
        assertThat(quarantined(api, repo)).as("unchanged since the sync first looked").hasSize(2);
        github.issue(repo, 1).put("updated_at", "2026-03-01T00:00:00Z");
        assertThat(api.post("/api/sync", null).status()).isEqualTo(200);
        assertThat(quarantined(api, repo)).extracting(q -> q.get("issue_number").asInt()).containsExactly(2);
        github.close(repo, 2);
        assertThat(api.post("/api/sync", null).status()).isEqualTo(200);
        assertThat(quarantined(api, repo)).isEmpty();
    }

    @Test
    void listingIsAReadAndReleasingAChangeWithinTheKeysRepositories() throws Exception {
        String repo = "acme/keyed";
        quarantine(api, repo, 1);
        String outsider = agentKey("quarantine-outsider", "acme/flaky");
        String insider = agentKey("quarantine-insider", repo);
        Api.Answer listed = api.send("GET", "/api/quarantine?repo=" + repo, null, outsider);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.json().get("quarantined")).hasSize(1);
        Api.Answer refused = api.send("DELETE", "/api/quarantine/" + repo + "/1", null, outsider);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_repo");
        assertThat(quarantined(api, repo)).as("nothing changed").hasSize(1);

        try (SseStream stream = SseStream.open(SseStream.newClient(), server.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            Api.Answer released = api.send("DELETE", "/api/quarantine/" + repo + "/1", null, insider);
            assertThat(released.status()).as(released.text()).isEqualTo(200);
            List<SseStream.Frame> seen = stream.until(f -> f.event().equals("issue.quarantine_released")
                    && repo.equals(f.json().path("repo").asText()), WAIT);
            JsonNode event = seen.get(seen.size() - 1).json();
            assertThat(event.get("actor").asText()).isEqualTo("agent:quarantine-insider");
            assertThat(event.at("/details/release_reason").asText()).isEqualTo("released on request");
        }
        assertThat(quarantined(api, repo)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api.Answer badRepo = api.get("/api/quarantine?repo=not-a-repo");
        assertThat(badRepo.status()).as(badRepo.text()).isEqualTo(400);
        assertThat(badRepo.json().get("message").asText()).contains("repo");
        Api.Answer badNumber = api.delete("/api/quarantine/acme/flaky/one", null);
        assertThat(badNumber.status()).as(badNumber.text()).isEqualTo(400);
        assertThat(badNumber.json().get("message").asText()).contains("number");
    }

    @Test
    void anMcpClientListsTheQuarantine() {
        String repo = "acme/listed";
        quarantine(api, repo, 2);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.base())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + ServerProcess.API_KEY))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(WAIT).build()) {
            client.initialize();
            McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_quarantine",
                    Map.of("repo", repo)));
            assertThat(listed.isError()).as(listed.toString()).isNotEqualTo(Boolean.TRUE);
            JsonNode result = JSON.valueToTree(listed.structuredContent());
            assertThat(result.get("quarantined")).hasSize(1);
            assertThat(result.at("/quarantined/0/issue_number").asInt()).isEqualTo(2);
            assertThat(result.at("/quarantined/0/strikes").asInt()).isEqualTo(3);

            McpSchema.CallToolResult claimed = client.callTool(new McpSchema.CallToolRequest("claim_issue",
                    Map.of("agent_id", AGENT, "repo", repo, "issue_number", 2)));
            JsonNode claim = JSON.valueToTree(claimed.structuredContent());
            assertThat(claim.get("ok").asBoolean()).as(claim.toString()).isTrue();
            assertThat(claim.get("quarantined").asBoolean()).isTrue();
            release(api, claim.at("/claim/claim_id").asText());
        }
    }

    /** The issue {@code route} ({@code /api/next} or {@code /api/next-work}) hands out in {@code repo}, released at once. */
    private static int next(String repo, String route) {
        Api.Answer next = api.post(route, Map.of("agent_id", AGENT, "repo", repo));
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        release(api, next.json().at("/claim/claim_id").asText());
        return next.json().at("/claim/issue_number").asInt();
    }

    /** A new agent key of {@code agent} for {@code repo} alone. */
    private static String agentKey(String agent, String repo) {
        Api.Answer issued = api.post("/api/admin/agents", Map.of("agent_id", agent, "repos", List.of(repo)));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json().get("key").asText();
    }

    /** The stored payload {@code file}, moved to issue 1 of {@code repo}. */
    private static ObjectNode onIssueOne(String file, String repo) {
        ObjectNode payload = WebhookPayloads.inRepo(WebhookPayloads.load(file), repo);
        ((ObjectNode) payload.get("issue")).put("number", 1);
        return payload;
    }

    private static JsonNode deliver(WebhookSender hooks, String event, ObjectNode payload) {
        Api.Answer answer = hooks.request(event, UUID.randomUUID().toString(), WebhookSender.bytes(payload),
                "Authorization", "Bearer " + ServerProcess.API_KEY);
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json();
    }
}
