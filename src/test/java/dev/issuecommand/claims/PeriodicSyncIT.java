package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SYNC_INTERVAL_MINUTES} with decimals repeats the sync; with no {@code ALLOWED_REPOS} it covers every repo the token sees. */
class PeriodicSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dir;

    @Test
    void syncRepeatsEveryIntervalOverEveryVisibleRepository() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues("octo/one", 1, 3);
            github.addIssues("octo/two", 1, 3);
            Path db = dir.resolve("periodic.db");
            try (ServerProcess server = ServerProcess.create(github, db, Map.of("SYNC_INTERVAL_MINUTES", "0.01")).start()) {
                Api api = server.api();
                String id = api.claimId("p", "octo/two", 2);
                github.close("octo/two", 2);
                await("closed by a scheduled sync").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(
                        api.get("/api/claims/" + id).json().get("claim").get("status").asText()).isEqualTo("closed"));
                await("three sync.reconciled events").atMost(WAIT).pollInterval(POLL)
                        .untilAsserted(() -> assertThat(count(db)).isGreaterThanOrEqualTo(3));
                assertThat(github.requests()).anyMatch(r -> r.startsWith("GET /user/repos"))
                        .anyMatch(r -> r.startsWith("GET /repos/octo/one/issues"));
            }
        }
    }

    private static int count(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM events WHERE type = 'sync.reconciled'")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
