package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped while a sync waits for GitHub (docs/behaviour.md §6) stops cleanly: the sync ends with one
 * {@code sync.stopped} line, not with warnings about a failed repository or a container already shut down.
 */
class SyncAtStopIT {

    private static final String REPO = "acme/stopping";
    private static final String ISSUES = "GET /repos/" + REPO + "/issues";

    @TempDir
    Path dir;

    @Test
    void stoppingDuringASyncEndsItQuietly() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 3);
            ServerProcess server = ServerProcess.create(github, dir.resolve("stop.db"),
                    Map.of("ALLOWED_REPOS", REPO, "SYNC_INTERVAL_MINUTES", "0.05")).start();
            try {
                long startUpSyncs = github.requests().stream().filter(r -> r.startsWith(ISSUES)).count();
                // from now on every GitHub answer takes 8 s, within the client's 10 s timeout: the next scheduled
                // sync (every 3 s) is still waiting for its answer when the server is stopped
                github.slowNext(1000, 8_000);
                await("a scheduled sync asks GitHub for the open issues").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> github.requests().stream().filter(r -> r.startsWith(ISSUES)).count()
                                > startUpSyncs);
                assertThat(server.stop()).as("exit code after SIGTERM").isZero();
            } finally {
                server.close();
            }
            assertThat(server.stderrText()).contains("\"event\":\"sync.stopped\"")
                    .doesNotContain("\"event\":\"sync.failed\"")
                    .doesNotContain("\"event\":\"sync.repo_skipped\"")
                    .doesNotContain("WELD-000229");
            assertThat(server.stdoutText()).as("stdout belongs to MCP").isEmpty();
        }
    }
}
