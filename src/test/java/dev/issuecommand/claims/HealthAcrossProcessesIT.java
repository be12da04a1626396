package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/health} numbers are kept between writes: a claim made or released through another process
 * sharing the file shows in this process's very next health answer.
 */
class HealthAcrossProcessesIT {

    private static final String REPO = "acme/health";

    @TempDir
    Path dir;

    @Test
    void everyWriteOfTheOtherProcessShowsInTheNextHealthAnswer() throws Exception {
        Path db = dir.resolve("shared.db");
        try (FakeGitHub github = new FakeGitHub();
                ServerProcess reader = ServerProcess.create(github, db, Map.of()).start();
                ServerProcess writer = ServerProcess.create(github, db, Map.of()).start()) {
            github.addIssues(REPO, 1, 3);
            long before = health(reader).path("total_claims").asLong();
            assertThat(health(reader).path("active_claims").asLong()).isZero();

            for (int issue = 1; issue <= 3; issue++) {
                writer.api().post("/api/claims", Map.of("agent_id", "agent-" + issue, "repo", REPO, "issue_number", issue));
                JsonNode health = health(reader);
                assertThat(health.path("active_claims").asLong()).isEqualTo(issue);
                assertThat(health.path("active_agents").asLong()).isEqualTo(issue);
                assertThat(health.path("total_claims").asLong()).isEqualTo(before + issue);
            }

            String claimId = writer.api().get("/api/claims?agent_id=agent-1").json().path("claims").path(0)
                    .path("claim_id").asText();
            writer.api().delete("/api/claims/" + claimId, Map.of("agent_id", "agent-1"));
            assertThat(health(reader).path("active_claims").asLong()).isEqualTo(2);
            assertThat(health(reader).path("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        }
    }

    private static JsonNode health(ServerProcess server) {
        return server.api().get("/api/health").json().path("health");
    }
}
