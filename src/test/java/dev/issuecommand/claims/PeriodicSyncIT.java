package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SYNC_INTERVAL_MINUTES} with decimals repeats the sync; with no {@code ALLOWED_REPOS} it covers every repo the token sees. */
class PeriodicSyncIT {

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
                JsonNode claim = null;
                for (int i = 0; i < 150; i++) {
                    claim = api.get("/api/claims/" + id).json().get("claim");
                    if (claim.get("status").asText().equals("closed")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(claim.get("status").asText()).as("closed by a scheduled sync").isEqualTo("closed");
                int syncs = 0;
                for (int i = 0; i < 150 && syncs < 3; i++) {
                    syncs = count(db);
                    Thread.sleep(100);
                }
                System.out.println("sync.reconciled events seen: " + syncs);
                assertThat(syncs).isGreaterThanOrEqualTo(3);
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
