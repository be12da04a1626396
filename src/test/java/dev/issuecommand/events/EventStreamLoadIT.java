package dev.issuecommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500 concurrent subscribers on loopback all receive one event; the delivery latency is printed, not asserted. */
class EventStreamLoadIT {

    private static final int SUBSCRIBERS = 500;
    private static final int CLIENTS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void fiveHundredSubscribersAllReceiveTheEvent() throws Exception {
        List<SseStream> streams = new ArrayList<>();
        try (FakeGitHub github = new FakeGitHub();
                ServerProcess server = ServerProcess.create(github, dir.resolve("load.db"), Map.of()).start()) {
            github.addIssue("acme/load", 1, "Many eyes");
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(SseStream.newClient());
            }
            long connecting = System.nanoTime();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                streams.add(SseStream.open(clients.get(i % CLIENTS), server.base(), ServerProcess.API_KEY, Map.of()));
            }
            for (SseStream stream : streams) {
                assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            }
            System.out.printf("%d subscribers connected in %d ms%n", SUBSCRIBERS,
                    (System.nanoTime() - connecting) / 1_000_000);

            long sent = System.nanoTime();
            Api.Answer claimed = server.api().post("/api/claims",
                    Map.of("agent_id", "agent-load", "repo", "acme/load", "issue_number", 1));
            long answered = System.nanoTime();
            String claimId = claimed.json().get("claim").get("claim_id").asText();

            long[] latencies = new long[SUBSCRIBERS];
            for (int i = 0; i < SUBSCRIBERS; i++) {
                SseStream.Frame frame = streams.get(i).nextEvent(WAIT);
                assertThat(frame.event()).isEqualTo("claim.created");
                assertThat(frame.json().get("claim_id").asText()).isEqualTo(claimId);
                latencies[i] = (frame.receivedAtNanos() - answered) / 1_000_000;
            }
            Arrays.sort(latencies);
            System.out.printf("claim answered after %d ms; event delivered to %d subscribers: p50 %d ms, p95 %d ms, "
                            + "max %d ms (counted from the claim's answer; the poller runs every 150 ms)%n",
                    (answered - sent) / 1_000_000, SUBSCRIBERS, latencies[SUBSCRIBERS / 2],
                    latencies[SUBSCRIBERS * 95 / 100], latencies[SUBSCRIBERS - 1]);
        } finally {
            streams.forEach(SseStream::close);
        }
    }
}
