package dev.issuecommand.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agent keys across two processes on one SQLite file (docs/behaviour.md §12): a key issued through one is honoured by
 * the other, and revoked through one it is refused by the other within a second. The second process runs with
 * {@code AGENT_KEYS_REQUIRED=true}: there the shared key still reads and administers, but no longer claims; and with
 * a mutation burst of 3 per agent, which an agent's refused attempts to act as another never take from the other.
 * The first process is the shared server; the second runs on its file for this class only.
 */
@WithSharedServer
class AgentKeyRevocationIT {

    private static final String REPO = "revoke/shared";

    /** The process the administrator issues and revokes keys through: the shared server. */
    static ServerProcess issuer;
    /** The process the agents use, on the shared server's file, with AGENT_KEYS_REQUIRED=true. */
    static ServerProcess worker;

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        shared.github().addIssues(REPO, 1, 5);
        issuer = shared.server();
        worker = shared.anotherProcess(Map.of("AGENT_KEYS_REQUIRED", "true", "RATE_LIMIT_ENABLED", "true",
                "RATE_LIMIT_IP_PER_MINUTE", "100000", "RATE_LIMIT_IP_BURST", "100000",
                "RATE_LIMIT_AGENT_MUTATIONS_PER_MINUTE", "1", "RATE_LIMIT_AGENT_MUTATIONS_BURST", "3"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aKeyRevokedThroughOneProcessIsRefusedByTheOtherWithinASecond() {
        KeyIssuer keys = new KeyIssuer(issuer.api());
        String key = keys.issue("revoke-a", List.of());
        Api agent = new Api(worker.base(), key);
        Api.Answer claimed = agent.post("/api/claims", Map.of("repo", REPO, "issue_number", 1));
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        assertThat(claimed.json().get("claim").get("agent_id").asText()).isEqualTo("revoke-a");

        assertThat(issuer.api().delete("/api/admin/agents/revoke-a", null).status()).isEqualTo(200);
        await("the other process refuses the revoked key").atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50)).until(() -> agent.get("/api/claims").status() == 401);
        Api.Answer refused = agent.post("/api/claims", Map.of("repo", REPO, "issue_number", 2));
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(issuer.api().get("/api/claims?repo=" + REPO).json().get("claims"))
                .extracting(c -> c.get("issue_number").asInt()).containsExactly(1);
    }

    @Test
    void withAgentKeysRequiredTheSharedKeyReadsAndAdministersButNoLongerClaims() {
        Api shared = worker.api();
        Api.Answer refused = shared.claim("required-a", REPO, 3);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("agent_key_required");
        assertThat(shared.get("/api/claims").status()).isEqualTo(200);
        assertThat(shared.get("/api/admin/agents").status()).isEqualTo(200);
        assertThat(shared.delete("/api/quarantine/" + REPO + "/5", null).json().get("error").asText())
                .as("releasing a quarantine is the operator's, as sync is").isEqualTo("not_quarantined");
        assertThat(issuer.api().claim("required-a", REPO, 3).status()).as("the other process does not require them")
                .isEqualTo(200);

        String key = new KeyIssuer(shared).issue("required-b", List.of(REPO));
        Api.Answer claimed = new Api(worker.base(), key).post("/api/claims", Map.of("repo", REPO, "issue_number", 4));
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        assertThat(claimed.json().get("claim").get("agent_id").asText()).isEqualTo("required-b");
    }

    @Test
    void refusedImpersonationsSpendTheSendersMutationsNotThoseOfTheAgentNamed() {
        KeyIssuer keys = new KeyIssuer(issuer.api());
        Api mallory = new Api(worker.base(), keys.issue("limit-mallory", List.of()));
        Api victim = new Api(worker.base(), keys.issue("limit-victim", List.of()));
        for (int attempt = 0; attempt < 3; attempt++) {
            Api.Answer refused = mallory.post("/api/claims", Map.of("agent_id", "limit-victim", "repo", REPO,
                    "issue_number", 5));
            assertThat(refused.json().get("error").asText()).as(refused.text()).isEqualTo("agent_mismatch");
        }
        Api.Answer claimed = victim.post("/api/claims", Map.of("agent_id", "limit-victim", "repo", REPO,
                "issue_number", 5));
        assertThat(claimed.status()).as("the victim's own budget is whole: " + claimed.text()).isEqualTo(200);
        Api.Answer spent = mallory.post("/api/claims", Map.of("repo", REPO, "issue_number", 5));
        assertThat(spent.status()).as("the sender's is spent: " + spent.text()).isEqualTo(429);
        Api.Answer around = mallory.post("/api/claims;x=1", Map.of("repo", REPO, "issue_number", 5));
        assertThat(around.status()).as("a matrix parameter is the same route: " + around.text()).isEqualTo(429);
    }
}
