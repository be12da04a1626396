package dev.issuecommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 500 concurrent subscribers on loopback all receive one event (its delivery latency is measured by the benchmark,
 * not here). On the shared server: each subscriber waits for the event of this class's own repository.
 */
@WithSharedServer
class EventStreamLoadIT {

    private static final String REPO = "acme/load";
    private static final int SUBSCRIBERS = 500;
    private static final int CLIENTS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void fiveHundredSubscribersAllReceiveTheEvent(TestServer shared) throws Exception {
        shared.github().addIssue(REPO, 1, "Many eyes");
        List<SseStream> streams = new ArrayList<>();
        try {
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(SseStream.newClient());
            }
            for (int i = 0; i < SUBSCRIBERS; i++) {
                streams.add(SseStream.open(clients.get(i % CLIENTS), shared.server().base(), ServerProcess.API_KEY,
                        Map.of()));
            }
            for (SseStream stream : streams) {
                assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            }

            String claimId = shared.api().claimId("agent-load", REPO, 1);
            for (SseStream stream : streams) {
                SseStream.Frame frame = stream.nextEventFor(REPO, WAIT);
                assertThat(frame.event()).isEqualTo("claim.created");
                assertThat(frame.json().get("claim_id").asText()).isEqualTo(claimId);
            }
        } finally {
            streams.forEach(SseStream::close);
        }
    }
}
