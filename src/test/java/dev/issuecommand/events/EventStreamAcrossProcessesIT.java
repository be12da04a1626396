package dev.issuecommand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two processes on one SQLite file (the shared server and a second one on its file): an event written by one reaches
 * the stream subscribers of the other (docs/behaviour.md §9).
 */
@WithSharedServer
class EventStreamAcrossProcessesIT {

    private static final String REPO = "acme/shared";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anEventWrittenByAnotherProcessReachesThisProcesssSubscribers(TestServer shared) throws Exception {
        shared.github().addIssues(REPO, 1, 3);
        ServerProcess elsewhere = shared.server();
        try (ServerProcess here = shared.anotherProcess();
                SseStream stream = SseStream.open(SseStream.newClient(), here.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");

            Api.Answer claimed = elsewhere.api().claim("agent-elsewhere", REPO, 2);
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
            String claimId = claimed.json().get("claim").get("claim_id").asText();

            SseStream.Frame frame = stream.nextEvent(WAIT);
            assertThat(frame.event()).isEqualTo("claim.created");
            assertThat(frame.json().get("claim_id").asText()).isEqualTo(claimId);
            assertThat(frame.json().get("agent_id").asText()).isEqualTo("agent-elsewhere");

            here.api().delete("/api/claims/" + claimId, Map.of("agent_id", "agent-elsewhere"));
            assertThat(stream.nextEvent(WAIT).event()).as("and this process's own events too").isEqualTo("claim.released");

            here.stop();
            await("the stream was closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(stream::ended);
        }
    }
}
