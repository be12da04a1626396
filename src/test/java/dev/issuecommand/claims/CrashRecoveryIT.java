package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every acknowledged claim survives {@code kill -9} of the server, and stays exclusive after the restart. */
class CrashRecoveryIT {

    private static final String REPO = "crash/test";
    private static final int CLAIMS = 300;

    @TempDir
    Path dir;

    @Test
    void acknowledgedClaimsSurviveKillMinusNine() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, CLAIMS);
            ServerProcess server = ServerProcess.create(github, dir.resolve("crash.db"), Map.of()).start();
            Map<Integer, String> acknowledged = new HashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<JsonNode>>();
                for (int issue = 1; issue <= CLAIMS; issue++) {
                    int n = issue;
                    futures.add(pool.submit(() -> server.api().claim("agent-" + (n % 7), REPO, n).json()));
                }
                for (var future : futures) {
                    JsonNode claim = future.get(2, TimeUnit.MINUTES).get("claim");
                    acknowledged.put(claim.get("issue_number").asInt(), claim.get("claim_id").asText());
                }
            } finally {
                pool.shutdown();
            }
            String moved = acknowledged.get(1);
            server.api().patch("/api/claims/" + moved, Map.of("agent_id", "agent-1", "status", "in_progress"));
            server.kill();

            server.start();
            try {
                Api api = server.api();
                JsonNode claims = api.get("/api/claims?repo=" + REPO).json().get("claims");
                assertThat(claims).hasSize(CLAIMS);
                Map<Integer, String> restored = new HashMap<>();
                claims.forEach(c -> restored.put(c.get("issue_number").asInt(), c.get("claim_id").asText()));
                assertThat(restored).isEqualTo(acknowledged);
                assertThat(api.get("/api/claims/" + moved).json().get("claim").get("status").asText())
                        .isEqualTo("in_progress");
                assertThat(api.get("/api/health").json().get("health").get("total_claims").asInt()).isEqualTo(CLAIMS);
                for (int issue = 1; issue <= CLAIMS; issue += 37) {
                    Api.Answer again = api.claim("latecomer", REPO, issue);
                    assertThat(again.status()).isEqualTo(409);
                    assertThat(again.json().get("owner_agent_id").asText()).isEqualTo("agent-" + (issue % 7));
                }
            } finally {
                server.close();
            }
        }
    }
}
