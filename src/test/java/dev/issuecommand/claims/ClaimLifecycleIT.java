package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole claim lifecycle over real HTTP against the runnable jar, a real SQLite file and a fake GitHub. */
@WithOwnServer(settings = {"ALLOWED_REPOS=acme/widgets, ACME/Gadgets", "HISTORY_MAX_ENTRIES=3"})
class ClaimLifecycleIT {

    private static final String REPO = "acme/widgets";

    static FakeGitHub github;
    static Api api;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        github.addIssues(REPO, 1, 30);
        github.addIssue("acme/gadgets", 1, "Other repo issue");
        github.close(REPO, 30);
        github.markPullRequest(REPO, 29);
        api = own.api();
    }

    private JsonNode claim(String agent, int issue) {
        return api.claim(agent, REPO, issue).json();
    }

    @Test
    void claimWalksThroughEveryStatusToHistory() {
        Api.Answer created = api.claim("agent-a", REPO, 1);
        assertThat(created.status()).isEqualTo(200);
        JsonNode claim = created.json().get("claim");
        assertThat(created.json().get("ok").asBoolean()).isTrue();
        assertThat(claim.get("agent_id").asText()).isEqualTo("agent-a");
        assertThat(claim.get("repo").asText()).isEqualTo(REPO);
        assertThat(claim.get("issue_number").asInt()).isEqualTo(1);
        assertThat(claim.get("issue_title").asText()).isEqualTo("Issue 1");
        assertThat(claim.get("status").asText()).isEqualTo("claimed");
        assertThat(claim.get("claimed_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(claim.get("status_history")).hasSize(1);
        String id = claim.get("claim_id").asText();

        JsonNode again = claim("agent-a", 1);
        assertThat(again.get("ok").asBoolean()).isTrue();
        assertThat(again.get("idempotent").asBoolean()).isTrue();
        assertThat(again.get("claim").get("claim_id").asText()).isEqualTo(id);

        Api.Answer taken = api.claim("agent-b", "ACME/WIDGETS", 1);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("ok").asBoolean()).isFalse();
        assertThat(taken.json().get("reason").asText()).isEqualTo("already_claimed");
        assertThat(taken.json().get("owner_agent_id").asText()).isEqualTo("agent-a");
        assertThat(taken.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(patch(id, "agent-a", "in_progress", null).get("claim").get("status").asText()).isEqualTo("in_progress");
        Api.Answer noPr = api.patch("/api/claims/" + id, Map.of("agent_id", "agent-a", "status", "pr_submitted"));
        assertThat(noPr.status()).isEqualTo(409);
        assertThat(noPr.json().get("reason").asText()).isEqualTo("invalid_transition");
        assertThat(noPr.json().get("message").asText()).contains("pr_url");

        JsonNode submitted = patch(id, "agent-a", "pr_submitted", "https://github.com/acme/widgets/pull/7");
        assertThat(submitted.get("claim").get("pr_url").asText()).isEqualTo("https://github.com/acme/widgets/pull/7");
        JsonNode same = patch(id, "agent-a", "pr_submitted", null);
        assertThat(same.get("idempotent").asBoolean()).isTrue();
        patch(id, "agent-a", "pr_merged", null);
        JsonNode closed = api.patch("/api/claims/" + id,
                Map.of("agent_id", "agent-a", "status", "closed", "note", "done and dusted")).json();
        JsonNode history = closed.get("claim").get("status_history");
        assertThat(history).extracting(h -> h.get("status").asText())
                .containsExactly("claimed", "in_progress", "pr_submitted", "pr_merged", "closed");
        assertThat(history.get(4).get("note").asText()).isEqualTo("done and dusted");

        assertThat(api.get("/api/claims").json().get("claims")).noneMatch(c -> c.get("claim_id").asText().equals(id));
        JsonNode page = api.get("/api/claims/history?repo=acme/widgets").json();
        assertThat(page.get("items").get(0).get("claim_id").asText()).isEqualTo(id);
        assertThat(api.get("/api/claims/" + id).json().get("claim").get("status").asText()).isEqualTo("closed");

        Api.Answer reopen = api.patch("/api/claims/" + id, Map.of("agent_id", "agent-a", "status", "in_progress"));
        assertThat(reopen.status()).isEqualTo(404);
        assertThat(reopen.json().get("reason").asText()).isEqualTo("claim_not_found");

        JsonNode fresh = claim("agent-b", 1);
        assertThat(fresh.get("ok").asBoolean()).as("a finished claim frees the issue").isTrue();
        assertThat(fresh.get("claim").get("claim_id").asText()).isNotEqualTo(id);
    }

    private JsonNode patch(String id, String agent, String status, String prUrl) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("agent_id", agent, "status", status));
        if (prUrl != null) {
            body.put("pr_url", prUrl);
        }
        Api.Answer answer = api.patch("/api/claims/" + id, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void ownershipAndTransitionsAreEnforced() {
        String id = claim("agent-c", 2).get("claim").get("claim_id").asText();
        Api.Answer mismatch = api.patch("/api/claims/" + id, Map.of("agent_id", "intruder", "status", "in_progress"));
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.json().get("reason").asText()).isEqualTo("agent_mismatch");
        assertThat(mismatch.json().get("owner_agent_id").asText()).isEqualTo("agent-c");

        Api.Answer skip = api.patch("/api/claims/" + id, Map.of("agent_id", "agent-c", "status", "pr_merged"));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("reason").asText()).isEqualTo("invalid_transition");

        Api.Answer bogus = api.patch("/api/claims/" + id, Map.of("agent_id", "agent-c", "status", "finished"));
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("detail").asText()).isEqualTo("Invalid claim status: finished");

        Api.Answer missing = api.patch("/api/claims/does-not-exist", Map.of("agent_id", "agent-c", "status", "in_progress"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("reason").asText()).isEqualTo("claim_not_found");

        Api.Answer released = api.delete("/api/claims/" + id, Map.of("agent_id", "agent-c", "reason", "handing off"));
        assertThat(released.status()).isEqualTo(200);
        JsonNode claim = released.json().get("claim");
        assertThat(claim.get("status").asText()).isEqualTo("released");
        assertThat(claim.get("status_history").get(1).get("note").asText()).isEqualTo("handing off");
        JsonNode retried = api.delete("/api/claims/" + id, Map.of("agent_id", "agent-c")).json();
        assertThat(retried.get("idempotent").asBoolean()).as("a repeated release is harmless").isTrue();
    }

    @Test
    void heartbeatRenewsWithoutChangingStatus() throws Exception {
        JsonNode claim = claim("agent-h", 3).get("claim");
        String id = claim.get("claim_id").asText();
        // on purpose: the heartbeat's last_activity_at is then later than the claim's
        Thread.sleep(20);
        JsonNode beat = api.post("/api/claims/" + id + "/heartbeat", Map.of("agent_id", "agent-h")).json();
        assertThat(beat.get("ok").asBoolean()).isTrue();
        assertThat(beat.get("claim").get("status").asText()).isEqualTo("claimed");
        assertThat(beat.get("claim").get("status_history")).hasSize(1);
        assertThat(beat.get("claim").get("last_activity_at").asText()).isGreaterThan(claim.get("last_activity_at").asText());
        assertThat(Instant.parse(beat.get("claim").get("stale_at").asText()))
                .as("the stale clock starts again: CLAIM_TIMEOUT_MINUTES (120) after the heartbeat")
                .isEqualTo(Instant.parse(beat.get("claim").get("last_activity_at").asText()).plus(Duration.ofMinutes(120)));
        assertThat(beat.get("claim").has("auto_release_at")).as("auto-release is off by default").isFalse();
        Api.Answer other = api.post("/api/claims/" + id + "/heartbeat", Map.of("agent_id", "agent-x"));
        assertThat(other.json().get("reason").asText()).isEqualTo("agent_mismatch");
    }

    @Test
    void listsFilterAndMyWorkShowsAnAgentsClaims() {
        claim("agent-f", 4);
        claim("agent-f", 5);
        claim("agent-g", 6);
        JsonNode mine = api.get("/api/claims?agent_id=agent-f").json().get("claims");
        assertThat(mine).extracting(c -> c.get("issue_number").asInt()).containsExactly(4, 5);
        JsonNode work = api.get("/api/my-work?agent_id=agent-g").json().get("work");
        assertThat(work.get("claims")).extracting(c -> c.get("issue_number").asInt()).containsExactly(6);
        assertThat(work.get("followups")).isEmpty();
        assertThat(api.get("/api/claims?status=bogus").json().get("detail").asText()).isEqualTo("Invalid claim status: bogus");
        assertThat(api.get("/api/my-work").json().get("detail").asText()).isEqualTo("Missing or invalid field: agent_id");
        JsonNode health = api.get("/api/health").json().get("health");
        assertThat(health.get("active_claims").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(health.get("active_agents").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(health.get("total_claims").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void historyIsTrimmedAndPaged() {
        for (int issue = 10; issue < 15; issue++) {
            String id = claim("agent-t", issue).get("claim").get("claim_id").asText();
            api.delete("/api/claims/" + id, Map.of("agent_id", "agent-t"));
        }
        JsonNode first = api.get("/api/claims/history?agent_id=agent-t&limit=2").json();
        assertThat(first.get("items")).extracting(c -> c.get("issue_number").asInt()).containsExactly(14, 13);
        JsonNode second = api.get("/api/claims/history?agent_id=agent-t&limit=2&cursor="
                + first.get("next_cursor").asText()).json();
        assertThat(second.get("items")).extracting(c -> c.get("issue_number").asInt()).containsExactly(12);
        assertThat(second.has("next_cursor")).as("HISTORY_MAX_ENTRIES=3 keeps three").isFalse();
        assertThat(api.get("/api/claims/history?limit=500").json().get("detail").asText())
                .isEqualTo("Missing or invalid field: limit");
    }

    @Test
    void githubDecidesWhatCanBeClaimed() {
        Api.Answer closed = api.claim("a", REPO, 30);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("reason").asText()).isEqualTo("invalid_issue");
        assertThat(closed.json().get("message").asText()).contains("closed");
        Api.Answer pr = api.claim("a", REPO, 29);
        assertThat(pr.json().get("reason").asText()).isEqualTo("invalid_issue");
        Api.Answer unknown = api.claim("a", REPO, 999);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asText()).isEqualTo("invalid_issue");
        Api.Answer outside = api.claim("a", "evil/repo", 1);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("reason").asText()).isEqualTo("invalid_repo");
        Api.Answer otherAllowed = api.claim("a", "acme/gadgets", 1);
        assertThat(otherAllowed.status()).isEqualTo(200);
        assertThat(github.lastAuthorization()).isEqualTo("Bearer " + ServerProcess.GITHUB_TOKEN);
    }

    @Test
    void githubFailureIs502Or503AndClaimsStillList() {
        github.failNext(1000, 500);
        try {
            Api.Answer down = api.claim("a", REPO, 20);
            assertThat(down.status()).isIn(502, 503);
            assertThat(down.json().get("error").asText()).isEqualTo("github_unavailable");
            assertThat(api.get("/api/claims").status()).isEqualTo(200);
            assertThat(api.get("/api/health").status()).isEqualTo(200);
        } finally {
            github.failNext(0, 500);
        }
    }

    @Test
    void badInputIsNamedAndAuthIsRequired() {
        assertThat(api.send("GET", "/api/claims", null, null).status()).isEqualTo(401);
        Api.Answer wrongKey = api.send("GET", "/api/claims", null, "nope");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(api.post("/api/claims", "{not json").json().get("detail").asText()).isEqualTo("Invalid JSON payload");
        assertThat(api.post("/api/claims", Map.of("agent_id", "a", "repo", REPO, "issue_number", "7")).json()
                .get("detail").asText()).isEqualTo("Missing or invalid field: issue_number");
        assertThat(api.claim("a", "no-slash", 7).json()
                .get("detail").asText()).isEqualTo("Missing or invalid field: repo");
        assertThat(api.post("/api/claims", Map.of("repo", REPO, "issue_number", 7)).json()
                .get("detail").asText()).isEqualTo("Missing or invalid field: agent_id");
        Api.Answer unknownRoute = api.get("/api/nothing-here");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.json().get("error").asText()).isEqualTo("not_found");
        Api.Answer huge = api.post("/api/claims", "{\"agent_id\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
    }
}
