package dev.issuecommand.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.bench.McpHttpSession;
import dev.issuecommand.bench.McpMessages;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import dev.issuecommand.mcp.FrontProcess;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agent keys over HTTP on the runnable jar (docs/behaviour.md §8, §9): the administrator issues, lists, rotates and
 * revokes them; a request with agent-a's key acts as agent-a on every route, can neither act as nor change the work of
 * agent-b, stays within agent-a's repositories, never reaches {@code /api/admin}, sees only its repositories' events,
 * stops working when the key expires, and no key is ever written to the logs or shown again.
 */
@WithOwnServer(settings = {"ALLOWED_REPOS=" + AgentKeysIT.REPO1 + "," + AgentKeysIT.REPO2 + "," + AgentKeysIT.REPO3,
    "GITHUB_WEBHOOK_SECRET=" + AgentKeysIT.SECRET})
class AgentKeysIT {

    static final String REPO1 = "keys/one";
    static final String REPO2 = "keys/two";
    static final String REPO3 = "keys/three";
    static final String SECRET = "agent-keys-webhook-secret";
    private static final String HOOK = "/api/webhooks/github";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String MISMATCH = "This key belongs to agent agent-a; it cannot act as agent-b";

    /**
     * Routes that change work or read one agent's own work, each sent by {@link #impersonationIsRefusedOnEveryRoute}
     * with agent-a's key naming agent-b; {@code {}} stands for a path parameter.
     */
    static final Set<String> IMPERSONATION_ROUTES = Set.of("POST /api/claims", "PATCH /api/claims/{}",
            "DELETE /api/claims/{}", "POST /api/claims/{}/heartbeat", "POST /api/next", "POST /api/next-work",
            "PATCH /api/followups/{}", "GET /api/my-work");

    /** Changing routes that act for no agent, with where they are covered. */
    static final Map<String, String> ROUTES_FOR_NO_AGENT = Map.of(
            "POST /api/admin/agents", "administrator only: adminRoutesAreTheAdministratorsAlone",
            "DELETE /api/admin/agents/{}", "administrator only: adminRoutesAreTheAdministratorsAlone",
            "POST /api/webhooks/github", "GitHub's signature or API_KEY only: adminRoutesAreTheAdministratorsAlone",
            "POST /api/sync", "reconciles every claim with GitHub, for no agent",
            "DELETE /api/quarantine/{}/{}/{}", "releases an issue for no agent, in the key's repositories: QuarantineIT");

    /** Where the dashboard's own API lives (docs/behaviour.md §15). */
    static final String DASHBOARD_API = "/ui/api/";

    static ServerProcess server;
    static FakeGitHub github;
    static Api admin;
    static KeyIssuer keys;
    static WebhookSender hooks;
    static String keyA;
    static String keyB;
    static Api agentA;
    static Api agentB;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        for (int issue = 1; issue <= 20; issue++) {
            github.addIssue(REPO1, issue, "Issue " + issue + " of one");
            github.addIssue(REPO2, issue, "Issue " + issue + " of two");
        }
        github.setLabels(REPO1, 4, "keys-self");
        github.setLabels(REPO1, 7, "keys-pick");
        github.setLabels(REPO2, 2, "keys-pick");
        github.setLabels(REPO2, 3, "keys-pick");
        github.addIssue(REPO3, 1, "Issue 1 of three");
        server = own.server();
        admin = own.api();
        keys = new KeyIssuer(admin);
        hooks = new WebhookSender(admin, HOOK, SECRET);
        keyA = keys.issue("agent-a", List.of(REPO1));
        keyB = keys.issue("agent-b", List.of());
        agentA = new Api(server.base(), keyA);
        agentB = new Api(server.base(), keyB);
    }

    /** Queues a follow-up on {@code repo}'s pull request {@code pr} through a signed webhook; answers its id. */
    static String queueFollowup(String repo, int pr) {
        Api.Answer queued = hooks.send("pull_request_review", WebhookPayloads.changesRequested(repo, pr, "fix " + pr));
        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        return queued.json().get("work_item_id").asText();
    }

    /** Work an agent holds: a claim and a follow-up. */
    record Work(String claim, String followup) {
    }

    /** Work of agent-b, taken by the administrator for it: a claim of {@code REPO1#issue} and a follow-up on PR {@code pr}. */
    static Work workOfAgentB(int issue, int pr) {
        String claim = admin.claimId("agent-b", REPO1, issue);
        String followup = queueFollowup(REPO1, pr);
        Api.Answer taken = admin.patch("/api/followups/" + followup, Map.of("agent_id", "agent-b", "status", "claimed"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);
        return new Work(claim, followup);
    }

    static void assertRefused(Api.Answer answer, int status, String error, String what) {
        assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(status);
        assertThat(answer.json().path("error").asText()).as(what + ": " + answer.text()).isEqualTo(error);
    }

    @Test
    void keysAreIssuedOnceListedWithoutTheKeyRotatedAndRevokedAtOnce() {
        Api.Answer issued = keys.send(Map.of("agent_id", "keys-rot", "repos", List.of(REPO3)));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.raw().headers().firstValue("Cache-Control")).contains("no-store");
        String key = issued.json().get("key").asText();
        assertThat(key).matches(KeyIssuer.SHAPE);
        assertThat(issued.json().get("key_prefix").asText()).isEqualTo(key.substring(0, 17));
        assertThat(issued.json().get("repos")).extracting(JsonNode::asText).containsExactly(REPO3);
        assertThat(issued.json().get("replaced").asBoolean()).isFalse();
        assertThat(new Api(server.base(), key).get("/api/claims").status()).isEqualTo(200);

        assertRefused(keys.send(Map.of("agent_id", "keys-rot")), 409, "agent_key_exists", "a second key");
        assertThat(new Api(server.base(), key).get("/api/claims").status()).as("the first key still works").isEqualTo(200);

        JsonNode listed = listed("keys-rot");
        assertThat(listed.get("key_prefix").asText()).isEqualTo(key.substring(0, 17));
        assertThat(listed.get("repos")).extracting(JsonNode::asText).containsExactly(REPO3);
        assertThat(listed.has("created_at")).isTrue();
        assertThat(listed.get("expired").asBoolean()).isFalse();
        assertThat(listed.has("key")).isFalse();
        assertNoKeyIn(admin.get("/api/admin/agents").text(), "the list");

        Api.Answer rotated = keys.send(Map.of("agent_id", "keys-rot", "rotate", true));
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(201);
        assertThat(rotated.json().get("replaced").asBoolean()).isTrue();
        String newKey = rotated.json().get("key").asText();
        assertThat(newKey).isNotEqualTo(key).matches(KeyIssuer.SHAPE);
        assertRefused(new Api(server.base(), key).get("/api/claims"), 401, "unauthorized", "the rotated-out key");
        assertThat(new Api(server.base(), newKey).get("/api/claims").status()).isEqualTo(200);

        Api.Answer revoked = admin.delete("/api/admin/agents/keys-rot", null);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertRefused(new Api(server.base(), newKey).post("/api/claims", Map.of("repo", REPO3, "issue_number", 1)),
                401, "unauthorized", "the revoked key");
        assertRefused(admin.delete("/api/admin/agents/keys-rot", null), 404, "agent_key_not_found", "revoked twice");
        assertThat(admin.get("/api/claims?repo=" + REPO3).json().get("claims")).isEmpty();

        assertThat(keys.send(Map.of("agent_id", "keys-bad", "repos", List.of("elsewhere/repo"))).status())
                .as("a repository outside ALLOWED_REPOS").isEqualTo(400);
        assertThat(keys.send(Map.of("agent_id", "keys-bad", "expires_at", "2020-01-01T00:00:00Z")).status())
                .as("an expiry in the past").isEqualTo(400);
        assertThat(listedAgents()).doesNotContain("keys-bad", "keys-rot");
    }

    @Test
    void everyChangingRouteOfTheApiIsCoveredByTheImpersonationTest() {
        JsonNode document = admin.getPublic("/openapi", "application/json").json();
        Set<String> changing = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
            if (List.of("post", "put", "patch", "delete").contains(verb)) {
                changing.add(verb.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]*}", "{}"));
            }
        }));
        assertThat(changing).as("changing routes in /openapi").isNotEmpty();
        assertThat(changing).allSatisfy(route -> assertThat(IMPERSONATION_ROUTES.contains(route)
                || ROUTES_FOR_NO_AGENT.containsKey(route) || route.contains(" " + DASHBOARD_API))
                .as(route + " is covered").isTrue());
    }

    /** The dashboard's API takes no key at all, only an operator's session opened with API_KEY. */
    @Test
    void anAgentKeyOpensNoDashboardSessionAndNoDashboardRoute() {
        Api.Answer signIn = agentA.sendWith("POST", DASHBOARD_API + "session", Map.of("key", keyA), Map.of());
        assertRefused(signIn, 401, "unauthorized", "sign-in with an agent key");
        assertThat(signIn.raw().headers().firstValue("Set-Cookie")).isEmpty();
        Api.Answer release = agentA.sendWith("POST", DASHBOARD_API + "claims/" + admin.claimId("agent-b", REPO1, 16)
                + "/release", Map.of("reason", "mine now"), Map.of("Authorization", "Bearer " + keyA));
        assertRefused(release, 401, "not_signed_in", "release with an agent key");
    }

    @Test
    void impersonationIsRefusedOnEveryRouteAndChangesNothing() {
        Work work = workOfAgentB(1, 101);
        String claim = work.claim();
        String followup = work.followup();
        JsonNode claimBefore = admin.get("/api/claims/" + claim).json();
        JsonNode followupBefore = admin.get("/api/followups/" + followup).json();
        JsonNode workBefore = admin.get("/api/my-work?agent_id=agent-b").json();

        Map<String, Function<Api, Api.Answer>> routes = Map.of(
                "POST /api/claims", api -> api.post("/api/claims",
                        Map.of("agent_id", "agent-b", "repo", REPO1, "issue_number", 2)),
                "PATCH /api/claims/{}", api -> api.patch("/api/claims/" + claim,
                        Map.of("agent_id", "agent-b", "status", "in_progress")),
                "DELETE /api/claims/{}", api -> api.delete("/api/claims/" + claim, Map.of("agent_id", "agent-b")),
                "POST /api/claims/{}/heartbeat", api -> api.post("/api/claims/" + claim + "/heartbeat",
                        Map.of("agent_id", "agent-b")),
                "POST /api/next", api -> api.post("/api/next", Map.of("agent_id", "agent-b", "repo", REPO1)),
                "POST /api/next-work", api -> api.post("/api/next-work", Map.of("agent_id", "agent-b")),
                "PATCH /api/followups/{}", api -> api.patch("/api/followups/" + followup,
                        Map.of("agent_id", "agent-b", "status", "done")),
                "GET /api/my-work", api -> api.get("/api/my-work?agent_id=agent-b"));
        assertThat(routes.keySet()).isEqualTo(IMPERSONATION_ROUTES);
        routes.forEach((route, send) -> {
            Api.Answer answer = send.apply(agentA);
            assertRefused(answer, 403, "agent_mismatch", route);
            assertThat(answer.json().get("message").asText()).as(route).isEqualTo(MISMATCH);
        });
        Api.Answer byQuery = agentA.delete("/api/claims/" + claim + "?agent_id=agent-b", null);
        assertRefused(byQuery, 403, "agent_mismatch", "DELETE ?agent_id=agent-b");

        assertThat(admin.get("/api/claims/" + claim).json()).isEqualTo(claimBefore);
        assertThat(admin.get("/api/followups/" + followup).json()).isEqualTo(followupBefore);
        assertThat(admin.get("/api/my-work?agent_id=agent-b").json()).isEqualTo(workBefore);
        assertThat(admin.get("/api/claims?repo=" + REPO1).json().get("claims"))
                .extracting(c -> c.get("issue_number").asInt()).doesNotContain(2);
    }

    @Test
    void withoutAgentIdAKeyActsAsItsAgentEverywhere() {
        Api.Answer claimed = agentA.post("/api/claims", Map.of("repo", REPO1, "issue_number", 3));
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        assertThat(claimed.json().get("claim").get("agent_id").asText()).isEqualTo("agent-a");
        String claim = claimed.json().get("claim").get("claim_id").asText();
        Api.Answer moved = agentA.patch("/api/claims/" + claim, Map.of("status", "in_progress"));
        assertThat(moved.json().get("claim").get("status").asText()).as(moved.text()).isEqualTo("in_progress");
        assertThat(agentA.post("/api/claims/" + claim + "/heartbeat", Map.of()).status()).isEqualTo(200);
        Api.Answer released = agentA.delete("/api/claims/" + claim, null);
        assertThat(released.json().get("claim").get("status").asText()).as(released.text()).isEqualTo("released");

        Api.Answer next = agentA.post("/api/next", Map.of("label", "keys-self"));
        assertThat(next.json().get("claim").get("agent_id").asText()).as(next.text()).isEqualTo("agent-a");
        assertThat(next.json().get("claim").get("issue_number").asInt()).isEqualTo(4);

        String followup = queueFollowup(REPO1, 103);
        Api.Answer work = agentA.post("/api/next-work", Map.of());
        assertThat(work.json().get("kind").asText()).as(work.text()).isEqualTo("pr_followup");
        assertThat(work.json().get("work_item").get("work_item_id").asText()).isEqualTo(followup);
        assertThat(work.json().get("work_item").get("claimed_by_agent_id").asText()).isEqualTo("agent-a");
        Api.Answer done = agentA.patch("/api/followups/" + followup, Map.of("status", "done"));
        assertThat(done.json().get("work_item").get("status").asText()).as(done.text()).isEqualTo("done");

        JsonNode mine = agentA.get("/api/my-work").json().get("work");
        assertThat(mine.get("claims")).extracting(c -> c.get("issue_number").asInt()).contains(4).doesNotContain(3);
        assertThat(mine.get("claims")).allSatisfy(c -> assertThat(c.get("agent_id").asText()).isEqualTo("agent-a"));
        assertThat(agentA.get("/api/my-work?agent_id=agent-a").json()).isEqualTo(agentA.get("/api/my-work").json());
    }

    @Test
    void aKeyCannotChangeAnotherAgentsWorkByLeavingOutAgentId() {
        Work work = workOfAgentB(6, 106);
        JsonNode claimBefore = admin.get("/api/claims/" + work.claim()).json();
        JsonNode followupBefore = admin.get("/api/followups/" + work.followup()).json();
        List<Api.Answer> answers = List.of(
                agentA.patch("/api/claims/" + work.claim(), Map.of("status", "in_progress")),
                agentA.delete("/api/claims/" + work.claim(), null),
                agentA.post("/api/claims/" + work.claim() + "/heartbeat", Map.of()),
                agentA.patch("/api/followups/" + work.followup(), Map.of("status", "done")),
                agentA.post("/api/claims", Map.of("repo", REPO1, "issue_number", 6)));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).as(answer.text()).isIn("agent_mismatch", "already_claimed");
            assertThat(answer.json().get("owner_agent_id").asText()).as(answer.text()).isEqualTo("agent-b");
        });
        assertThat(admin.get("/api/claims/" + work.claim()).json()).isEqualTo(claimBefore);
        assertThat(admin.get("/api/followups/" + work.followup()).json()).isEqualTo(followupBefore);
    }

    @Test
    void aKeyWorksOnlyInItsRepositories() {
        String refusal = "Repository " + REPO2 + " is not among the repositories of the key of agent agent-a";
        Api.Answer outside = agentA.post("/api/claims", Map.of("repo", REPO2, "issue_number", 1));
        assertRefused(outside, 403, "invalid_repo", "claim in repo2");
        assertThat(outside.json().get("message").asText()).isEqualTo(refusal);
        assertThat(agentA.get("/api/repos").json().get("repos")).extracting(r -> r.get("full_name").asText())
                .containsExactly(REPO1);
        assertThat(agentB.get("/api/repos").json().get("repos")).extracting(r -> r.get("full_name").asText())
                .containsExactlyInAnyOrder(REPO1, REPO2, REPO3);

        github.setCreatedAt(REPO2, 2, "2020-01-01T00:00:00Z");
        github.setCreatedAt(REPO2, 3, "2020-01-02T00:00:00Z");
        Api.Answer first = agentA.post("/api/next", Map.of("label", "keys-pick"));
        assertThat(first.json().path("claim").path("repo").asText()).as(first.text()).isEqualTo(REPO1);
        Api.Answer second = agentA.post("/api/next", Map.of("label", "keys-pick"));
        assertThat(second.json().path("ok").asBoolean()).as(second.text()).isFalse();
        assertThat(second.text()).doesNotContain(REPO2);
        assertRefused(agentA.post("/api/next", Map.of("repo", REPO2)), 403, "invalid_repo", "next in repo2");

        String followup = queueFollowup(REPO2, 201);
        Api.Answer work = agentA.post("/api/next-work", Map.of("label", "keys-pick"));
        assertThat(work.json().path("ok").asBoolean()).as(work.text()).isFalse();
        assertThat(work.text()).doesNotContain(REPO2);
        assertRefused(agentA.post("/api/next-work", Map.of("repo", REPO2)), 403, "invalid_repo", "next-work in repo2");
        assertRefused(agentA.patch("/api/followups/" + followup, Map.of("status", "claimed")), 403, "invalid_repo",
                "taking a follow-up of repo2");
        assertThat(admin.get("/api/followups/" + followup).json().get("work_item").get("status").asText())
                .isEqualTo("queued");
        assertThat(admin.get("/api/claims?repo=" + REPO2).json().get("claims")).as("agent-a took nothing in repo2")
                .noneMatch(c -> c.get("agent_id").asText().equals("agent-a"));

        String held = admin.claimId("agent-a", REPO2, 4);
        JsonNode before = admin.get("/api/claims/" + held).json();
        assertRefused(agentA.patch("/api/claims/" + held, Map.of("status", "in_progress")), 403, "invalid_repo",
                "status change in repo2");
        assertRefused(agentA.post("/api/claims/" + held + "/heartbeat", Map.of()), 403, "invalid_repo", "heartbeat");
        assertRefused(agentA.delete("/api/claims/" + held, null), 403, "invalid_repo", "release in repo2");
        assertThat(admin.get("/api/claims/" + held).json()).isEqualTo(before);
        admin.delete("/api/claims/" + held, Map.of("agent_id", "agent-a"));
    }

    @Test
    void adminRoutesAreTheAdministratorsAloneAndReadsOfOthersStayOpen() {
        String claim = admin.claimId("agent-b", REPO1, 8);
        assertRefused(agentA.get("/api/admin/agents"), 403, "admin_only", "list");
        assertRefused(agentA.post("/api/admin/agents", Map.of("agent_id", "agent-a", "rotate", true)), 403,
                "admin_only", "issue");
        assertRefused(agentA.delete("/api/admin/agents/agent-b", null), 403, "admin_only", "revoke");
        for (String path : List.of("/api/admin;x=1/agents", "/api;x/admin/agents", "/api/admin/agents;x",
                "/api/admin;a=b;c=d/agents", "/api/admin;/agents/agent-b")) {
            assertRefused(agentA.get(path), 403, "admin_only", "list through " + path);
            assertRefused(agentA.post(path, Map.of("agent_id", "agent-b", "rotate", true)), 403, "admin_only",
                    "rotate through " + path);
            assertRefused(agentA.delete(path, null), 403, "admin_only", "revoke through " + path);
        }
        assertThat(agentB.get("/api/claims").status()).as("agent-b's key is still there").isEqualTo(200);
        assertThat(agentA.get("/api/claims").json().get("claims")).extracting(c -> c.get("claim_id").asText())
                .contains(claim);
        assertThat(agentA.get("/api/claims?agent_id=agent-b").json().get("claims"))
                .extracting(c -> c.get("claim_id").asText()).contains(claim);

        byte[] delivery = WebhookSender.bytes(WebhookPayloads.changesRequested(REPO1, 108, "from an agent key"));
        Api.Answer hook = new WebhookSender(agentA, HOOK, SECRET).request("pull_request_review", "d-agent-key",
                delivery, "Authorization", "Bearer " + keyA);
        assertRefused(hook, 401, "unauthorized_webhook", "a webhook with an agent key");
        assertThat(admin.get("/api/followups?repo=" + REPO1).json().get("followups"))
                .noneMatch(f -> f.get("pr_number").asInt() == 108);
    }

    @Test
    void mcpToolsActAsTheKeysAgentAndRefuseImpersonation() throws Exception {
        Work work = workOfAgentB(11, 111);
        JsonNode claimBefore = admin.get("/api/claims/" + work.claim()).json();
        JsonNode followupBefore = admin.get("/api/followups/" + work.followup()).json();
        try (McpHttpSession session = McpHttpSession.open(server.port(), keyA)) {
            JsonNode claimed = call(session, "claim_issue", Map.of("repo", REPO1, "issue_number", 10));
            assertThat(McpMessages.payload(claimed).path("claim").path("agent_id").asText()).as(claimed.toString())
                    .isEqualTo("agent-a");
            String claim = McpMessages.payload(claimed).get("claim").get("claim_id").asText();
            JsonNode moved = call(session, "update_claim_status", Map.of("claim_id", claim, "status", "in_progress"));
            assertThat(McpMessages.payload(moved).path("claim").path("status").asText()).as(moved.toString())
                    .isEqualTo("in_progress");
            assertThat(McpMessages.payload(call(session, "heartbeat_claim", Map.of("claim_id", claim)))
                    .path("ok").asBoolean()).isTrue();
            assertThat(McpMessages.payload(call(session, "release_issue", Map.of("claim_id", claim)))
                    .path("claim").path("status").asText()).isEqualTo("released");

            JsonNode outside = call(session, "claim_issue", Map.of("repo", REPO2, "issue_number", 6));
            assertThat(McpMessages.payload(outside).path("ok").asBoolean()).as(outside.toString()).isFalse();
            assertThat(McpMessages.payload(outside).path("reason").asText()).isEqualTo("invalid_repo");

            Map<String, Map<String, Object>> impersonations = Map.of(
                    "claim_issue", Map.of("repo", REPO1, "issue_number", 12),
                    "update_claim_status", Map.of("claim_id", work.claim(), "status", "in_progress"),
                    "release_issue", Map.of("claim_id", work.claim()),
                    "heartbeat_claim", Map.of("claim_id", work.claim()),
                    "next_issue", Map.of("repo", REPO1),
                    "next_work", Map.of(),
                    "update_followup_status", Map.of("work_item_id", work.followup(), "status", "done"),
                    "get_my_work", Map.of());
            impersonations.forEach((tool, arguments) -> {
                JsonNode answer = call(session, tool, with(arguments, "agent_id", "agent-b"));
                assertThat(answer.path("result").path("isError").asBoolean()).as(tool + ": " + answer).isTrue();
                assertThat(answer.path("result").path("content").path(0).path("text").asText()).as(tool)
                        .contains(MISMATCH);
            });

            try (McpHttpSession ofB = McpHttpSession.open(server.port(), keyB)) {
                JsonNode borrowed = call(ofB.withKey(keyA), "claim_issue", Map.of("repo", REPO1, "issue_number", 13));
                assertThat(McpMessages.payload(borrowed).path("claim").path("agent_id").asText())
                        .as("agent-b's session used with agent-a's key acts as agent-a: " + borrowed)
                        .isEqualTo("agent-a");
            }
        }
        assertThat(admin.get("/api/claims/" + work.claim()).json()).isEqualTo(claimBefore);
        assertThat(admin.get("/api/followups/" + work.followup()).json()).isEqualTo(followupBefore);
        assertThat(admin.get("/api/claims?repo=" + REPO1).json().get("claims"))
                .extracting(c -> c.get("issue_number").asInt()).doesNotContain(12);
        assertThat(admin.get("/api/claims?repo=" + REPO2).json().get("claims"))
                .extracting(c -> c.get("issue_number").asInt()).doesNotContain(6);
    }

    @Test
    void aStdioFrontWithAnAgentKeyActsAsThatAgent() throws Exception {
        String key = keys.issue("keys-front", List.of(REPO1));
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-servers")), "front-");
        Map<String, String> env = Map.of("ISSUECOMMAND_URL", server.base(), "ISSUECOMMAND_AGENT_KEY", key,
                "API_KEY", ServerProcess.API_KEY, "SQLITE_PATH", dir.resolve("front.db").toString());
        try (FrontProcess front = FrontProcess.spawn(dir, "front", env, FrontProcess.jar("mcp"))) {
            front.initialize();
            JsonNode claimed = front.answer(front.call("claim_issue", Map.of("repo", REPO1, "issue_number", 14)), 60);
            assertThat(claimed.at("/result/structuredContent/claim/agent_id").asText()).as(claimed.toString())
                    .isEqualTo("keys-front");
            assertThat(front.stderr()).doesNotContain(key);
        }
    }

    private static JsonNode call(McpHttpSession session, String tool, Map<String, Object> arguments) {
        int id = IDS.incrementAndGet();
        try {
            return session.request(id, McpMessages.call(id, tool, Api.toJson(arguments)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(name, value);
        return copy;
    }

    @Test
    void anAgentsEventStreamShowsOnlyItsRepositoriesAndNoKeyEvents() throws Exception {
        String other = admin.claimId("agent-b", REPO2, 5);
        HttpClient client = SseStream.newClient();
        try (SseStream mine = SseStream.open(client, server.base(), keyA, Map.of("Last-Event-ID", "0"));
                SseStream all = SseStream.open(client, server.base(), ServerProcess.API_KEY,
                        Map.of("Last-Event-ID", "0"))) {
            assertThat(mine.response(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
            assertThat(all.response(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
            String marker = agentA.post("/api/claims", Map.of("repo", REPO1, "issue_number", 9)).json()
                    .get("claim").get("claim_id").asText();
            List<SseStream.Frame> seenByA = mine.until(f -> isCreated(f, marker), Duration.ofSeconds(20));
            List<SseStream.Frame> seenByAdmin = all.until(f -> isCreated(f, marker), Duration.ofSeconds(20));

            List<JsonNode> eventsOfA = events(seenByA);
            assertThat(eventsOfA).as("agent-a's stream").isNotEmpty().allSatisfy(event -> {
                assertThat(event.get("type").asText()).doesNotStartWith("agent.");
                if (event.has("repo")) {
                    assertThat(event.get("repo").asText()).isEqualTo(REPO1);
                }
            });
            List<JsonNode> eventsOfAdmin = events(seenByAdmin);
            assertThat(eventsOfAdmin).anyMatch(e -> e.get("type").asText().equals("agent.key_issued")
                    && e.get("agent_id").asText().equals("agent-a"));
            JsonNode adminsClaim = eventsOfAdmin.stream()
                    .filter(e -> e.path("claim_id").asText().equals(other)).findFirst().orElseThrow();
            assertThat(adminsClaim.get("actor").asText()).isEqualTo("admin");
            JsonNode agentsClaim = eventsOfAdmin.get(eventsOfAdmin.size() - 1);
            assertThat(agentsClaim.get("claim_id").asText()).isEqualTo(marker);
            assertThat(agentsClaim.get("actor").asText()).isEqualTo("agent:agent-a");
            assertThat(eventsOfA.get(eventsOfA.size() - 1)).isEqualTo(agentsClaim);
            for (SseStream.Frame frame : seenByAdmin) {
                assertNoKeyIn(frame.data(), "an event");
            }
        }
    }

    private static boolean isCreated(SseStream.Frame frame, String claimId) {
        return "claim.created".equals(frame.event()) && claimId.equals(frame.json().path("claim_id").asText());
    }

    private static List<JsonNode> events(List<SseStream.Frame> frames) {
        return frames.stream().filter(f -> f.id() != null).map(SseStream.Frame::json).toList();
    }

    @Test
    void anExpiredKeyIsRefusedWithKeyExpired() {
        String key = keys.issue("keys-exp", List.of(REPO1), Instant.now().plusSeconds(3).toString());
        Api expiring = new Api(server.base(), key);
        assertThat(expiring.get("/api/claims").status()).isEqualTo(200);
        await("the key expires").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> expiring.get("/api/claims").status() == 401);
        Api.Answer refused = expiring.post("/api/claims", Map.of("repo", REPO1, "issue_number", 10));
        assertRefused(refused, 401, "key_expired", "the expired key");
        assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(listed("keys-exp").get("expired").asBoolean()).isTrue();
    }

    @Test
    void keysAppearOnlyInTheAnswerThatIssuesThem() throws Exception {
        String key = keys.issue("keys-quiet", List.of(REPO1));
        Api quiet = new Api(server.base(), key);
        quiet.post("/api/claims", Map.of("repo", REPO1, "issue_number", 15));
        quiet.post("/api/claims", Map.of("repo", REPO2, "issue_number", 15));
        quiet.post("/api/claims", Map.of("agent_id", "agent-b", "repo", REPO1, "issue_number", 15));
        quiet.get("/api/admin/agents");
        new Api(server.base(), key + "x").get("/api/claims");
        new Api(server.base(), key.substring(0, key.length() - 1)).get("/api/claims");
        admin.delete("/api/admin/agents/keys-quiet", null);
        quiet.get("/api/claims");

        String list = admin.get("/api/admin/agents").text();
        String openapi = admin.getPublic("/openapi", "application/json").text();
        assertThat(keys.seen()).contains(key, keyA, keyB);
        assertNoKeyIn(list, "the list");
        assertNoKeyIn(openapi, "/openapi");
        assertNoKeyIn(server.stderrText(), "the server's log");
        assertNoKeyIn(server.stdoutText(), "the server's stdout");
    }

    private static void assertNoKeyIn(String text, String where) {
        for (String key : keys.seen()) {
            assertThat(text).as(where).doesNotContain(key).doesNotContain(key.substring(18))
                    .doesNotContain(ApiKey.sha256Hex(key));
        }
    }

    private static JsonNode listed(String agent) {
        for (JsonNode entry : admin.get("/api/admin/agents").json().get("agents")) {
            if (entry.get("agent_id").asText().equals(agent)) {
                return entry;
            }
        }
        throw new AssertionError(agent + " is not listed");
    }

    private static List<String> listedAgents() {
        List<String> agents = new ArrayList<>();
        admin.get("/api/admin/agents").json().get("agents").forEach(entry -> agents.add(entry.get("agent_id").asText()));
        return agents;
    }
}
