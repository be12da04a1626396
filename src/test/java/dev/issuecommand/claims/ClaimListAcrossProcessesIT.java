package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.quarantine.Strikes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/claims} answers and the {@code GET /api/health} numbers are kept between writes: a change made
 * through another process sharing the file shows in this process's very next list, with every filter, and in its
 * very next health numbers. The two processes are the shared server and a second one on its file, so the lists and
 * numbers are measured as before and after.
 */
@WithSharedServer
class ClaimListAcrossProcessesIT {

    private static final String REPO = "acme/lists";
    private static final String QUARANTINE_REPO = "acme/flaky-shared";

    static ServerProcess first;
    static ServerProcess second;

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        shared.github().addIssues(REPO, 1, 10);
        shared.github().addIssues(QUARANTINE_REPO, 1, 2);
        first = shared.server();
        second = shared.anotherProcess();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        second.close();
    }

    @Test
    void everyWriteOfEitherProcessShowsInTheOthersNextList() {
        List<String> before = statuses(first, "");
        assertThat(claims(first, "?repo=" + REPO)).isEmpty();
        assertThat(statuses(first, "")).as("asked twice, nothing changed").isEqualTo(before);
        JsonNode healthBefore = health(first);
        long activeBefore = healthBefore.path("active_claims").asLong();
        long agentsBefore = healthBefore.path("active_agents").asLong();
        long totalBefore = healthBefore.path("total_claims").asLong();

        for (int issue = 1; issue <= 10; issue++) {
            ServerProcess writer = issue % 2 == 0 ? first : second;
            ServerProcess reader = issue % 2 == 0 ? second : first;
            String agent = "lister-" + issue;
            String claimId = writer.api().claim(agent, REPO, issue).json().path("claim").path("claim_id").asText();
            assertThat(statuses(reader, "?agent_id=" + agent)).containsExactly(claimId + "=claimed");
            assertThat(statuses(reader, "")).contains(claimId + "=claimed");
            JsonNode health = health(reader);
            assertThat(health.path("active_claims").asLong()).isEqualTo(activeBefore + issue);
            assertThat(health.path("active_agents").asLong()).isEqualTo(agentsBefore + issue);
            assertThat(health.path("total_claims").asLong()).isEqualTo(totalBefore + issue);

            writer.api().patch("/api/claims/" + claimId, Map.of("agent_id", agent, "status", "in_progress"));
            assertThat(statuses(reader, "?agent_id=" + agent)).containsExactly(claimId + "=in_progress");
            assertThat(statuses(reader, "")).contains(claimId + "=in_progress").doesNotContain(claimId + "=claimed");
            assertThat(statuses(reader, "?status=in_progress")).contains(claimId + "=in_progress");
            assertThat(statuses(reader, "?status=claimed")).doesNotContain(claimId + "=claimed");
        }
        assertThat(claims(first, "?repo=" + REPO)).hasSize(10);
        assertThat(claims(first, "")).hasSize(before.size() + 10);

        for (JsonNode claim : claims(second, "?repo=" + REPO)) {
            first.api().delete("/api/claims/" + claim.path("claim_id").asText(),
                    Map.of("agent_id", claim.path("agent_id").asText()));
        }
        assertThat(statuses(second, "")).isEqualTo(before);
        assertThat(claims(second, "?repo=" + REPO)).isEmpty();
        assertThat(health(second).path("active_claims").asLong()).isEqualTo(activeBefore);
    }

    /** Quarantine strikes (docs/behaviour.md §17) made through either process count together. */
    @Test
    void quarantineStrikesOfBothProcessesCountTogether() {
        Strikes.strike(first.api(), QUARANTINE_REPO, 1);
        Strikes.strike(second.api(), QUARANTINE_REPO, 1);
        assertThat(Strikes.quarantined(first.api(), QUARANTINE_REPO)).isEmpty();
        Strikes.strike(first.api(), QUARANTINE_REPO, 1);
        JsonNode listed = Strikes.quarantined(second.api(), QUARANTINE_REPO);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("strikes").asInt()).isEqualTo(3);
        Api.Answer next = second.api().post("/api/next", Map.of("agent_id", Strikes.AGENT, "repo", QUARANTINE_REPO));
        assertThat(next.json().at("/claim/issue_number").asInt()).as("the other process skips it too").isEqualTo(2);
        Strikes.release(second.api(), next.json().at("/claim/claim_id").asText());
    }

    private static List<JsonNode> claims(ServerProcess server, String query) {
        JsonNode list = server.api().get("/api/claims" + query).json().path("claims");
        List<JsonNode> claims = new ArrayList<>();
        list.forEach(claims::add);
        return claims;
    }

    private static JsonNode health(ServerProcess server) {
        return server.api().get("/api/health").json().path("health");
    }

    private static List<String> statuses(ServerProcess server, String query) {
        return claims(server, query).stream()
                .map(claim -> claim.path("claim_id").asText() + "=" + claim.path("status").asText()).toList();
    }
}
