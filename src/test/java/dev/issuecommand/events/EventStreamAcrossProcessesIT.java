package dev.issuecommand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one SQLite file: an event written by one reaches the stream subscribers of the other
 * (docs/behaviour.md §9).
 */
class EventStreamAcrossProcessesIT {

    private static final String REPO = "acme/shared";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anEventWrittenByAnotherProcessReachesThisProcesssSubscribers() throws Exception {
        Path db = dir.resolve("shared.db");
        try (FakeGitHub github = new FakeGitHub();
                ServerProcess first = ServerProcess.create(github, db, Map.of()).start();
                ServerProcess second = ServerProcess.create(github, db, Map.of()).start();
                SseStream stream = SseStream.open(SseStream.newClient(), first.base(), ServerProcess.API_KEY, Map.of())) {
            github.addIssues(REPO, 1, 3);
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");

            Api.Answer claimed = second.api().claim("agent-elsewhere", REPO, 2);
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
            String claimId = claimed.json().get("claim").get("claim_id").asText();

            SseStream.Frame frame = stream.nextEvent(WAIT);
            assertThat(frame.event()).isEqualTo("claim.created");
            assertThat(frame.json().get("claim_id").asText()).isEqualTo(claimId);
            assertThat(frame.json().get("agent_id").asText()).isEqualTo("agent-elsewhere");

            first.api().delete("/api/claims/" + claimId, Map.of("agent_id", "agent-elsewhere"));
            assertThat(stream.nextEvent(WAIT).event()).as("and this process's own events too").isEqualTo("claim.released");

            first.stop();
            await("the stream was closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(stream::ended);
        }
    }
}
