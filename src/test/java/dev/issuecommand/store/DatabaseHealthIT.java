package dev.issuecommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database check behind {@code /health/ready}, {@code /health/live} and {@code /health}: up while the SQLite
 * file answers, down while the file is gone from its path, up again once it is back.
 */
class DatabaseHealthIT {

    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheDatabaseFile() throws Exception {
        Path db = dir.resolve("data").resolve("health.db");
        Path aside = dir.resolve("health.db.aside");
        try (ServerProcess server = ServerProcess.create(null, db, Map.of()).start()) {
            Api api = server.api();
            for (String path : new String[] {"/health/ready", "/health/live", "/health"}) {
                Api.Answer up = api.get(path);
                assertThat(up.status()).as(path + ": " + up.text()).isEqualTo(200);
                assertThat(up.text()).contains("\"database\"").contains("UP");
            }

            Files.move(db, aside);
            Api.Answer down = api.get("/health/ready");
            assertThat(down.status()).as("file moved away: " + down.text()).isEqualTo(503);
            assertThat(down.text()).contains("\"database\"").contains("DOWN");
            assertThat(api.get("/health").status()).isEqualTo(503);
            assertThat(db).as("the check does not create an empty database in its place").doesNotExist();

            Files.move(aside, db);
            assertThat(api.get("/health/ready").status()).as("file back").isEqualTo(200);
        }
    }
}
