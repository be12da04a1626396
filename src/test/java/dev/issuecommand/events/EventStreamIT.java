package dev.issuecommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /sse} read by a real HTTP client against the runnable jar: frames, order, fields, replay
 * (docs/behaviour.md §9). The server is shared: a test reads the events of its own repository, except where it
 * checks the ids of every event in a row.
 */
@WithSharedServer
class EventStreamIT {

    private static final String REPO = "acme/stream";
    private static final Duration WAIT = Duration.ofSeconds(20);

    static Api api;
    static HttpClient client;

    @BeforeAll
    static void start(TestServer shared) {
        shared.github().addIssues(REPO, 1, 200);
        api = shared.api();
        client = SseStream.newClient();
    }

    private static SseStream open(Map<String, String> headers) {
        return SseStream.open(client, api.base(), ServerProcess.API_KEY, headers);
    }

    private static String claim(String agent, int issue) {
        return api.claimId(agent, REPO, issue);
    }

    @Test
    void claimOperationsArriveInOrderWithTheirFields() throws Exception {
        try (SseStream stream = open(Map.of())) {
            HttpResponse.ResponseInfo response = stream.response(WAIT);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache, no-transform");

            SseStream.Frame connected = stream.next(WAIT);
            assertThat(connected.event()).isEqualTo("connected");
            assertThat(connected.id()).as("connected carries no id, so Last-Event-ID always names an event").isNull();
            assertThat(connected.json().get("event_id").asText()).matches("\\d+");
            assertThat(connected.json().get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

            String id = claim("agent-order", 1);
            api.patch("/api/claims/" + id, Map.of("agent_id", "agent-order", "status", "in_progress", "note", "on it"));
            api.delete("/api/claims/" + id, Map.of("agent_id", "agent-order", "reason", "handing off"));

            List<SseStream.Frame> frames = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                frames.add(stream.nextEventFor(REPO, WAIT));
            }
            assertThat(frames).extracting(SseStream.Frame::event)
                    .containsExactly("claim.created", "claim.updated", "claim.released");
            long previous = Long.parseLong(connected.json().get("event_id").asText());
            for (SseStream.Frame frame : frames) {
                JsonNode data = frame.json();
                assertThat(Long.parseLong(frame.id())).as("ids increase").isGreaterThan(previous);
                previous = Long.parseLong(frame.id());
                assertThat(data.get("event_id").asText()).isEqualTo(frame.id());
                assertThat(data.get("type").asText()).isEqualTo(frame.event());
                assertThat(data.get("claim_id").asText()).isEqualTo(id);
                assertThat(data.get("repo").asText()).isEqualTo(REPO);
                assertThat(data.get("issue_number").asInt()).isEqualTo(1);
                assertThat(data.get("agent_id").asText()).isEqualTo("agent-order");
                assertThat(data.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(data.has("work_item_id")).as("absent members are left out").isFalse();
            }
            assertThat(frames.get(0).json().get("details").get("status").asText()).isEqualTo("claimed");
            assertThat(frames.get(1).json().get("details").get("status").asText()).isEqualTo("in_progress");
            assertThat(frames.get(1).json().get("details").get("note").asText()).isEqualTo("on it");
            assertThat(frames.get(2).json().get("details").get("status").asText()).isEqualTo("released");
            assertThat(frames.get(2).json().get("details").get("note").asText()).isEqualTo("handing off");
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissedThenGoesLive() throws Exception {
        String lastSeen;
        try (SseStream stream = open(Map.of())) {
            stream.next(WAIT);
            claim("agent-replay", 20);
            SseStream.Frame created = stream.nextEventFor(REPO, WAIT);
            assertThat(created.json().get("issue_number").asInt()).isEqualTo(20);
            lastSeen = created.id();
        }
        List<String> missed = List.of(claim("agent-replay", 21), claim("agent-replay", 22), claim("agent-replay", 23));

        try (SseStream resumed = open(Map.of("Last-Event-ID", lastSeen))) {
            assertThat(resumed.next(WAIT).event()).isEqualTo("connected");
            List<SseStream.Frame> replayed = List.of(resumed.nextEventFor(REPO, WAIT),
                    resumed.nextEventFor(REPO, WAIT), resumed.nextEventFor(REPO, WAIT));
            assertThat(replayed).extracting(f -> f.json().get("claim_id").asText())
                    .as("every missed event, in order, none seen before").containsExactlyElementsOf(missed);
            String live = claim("agent-replay", 24);
            SseStream.Frame next = resumed.nextEventFor(REPO, WAIT);
            assertThat(next.json().get("claim_id").asText()).as("then live events").isEqualTo(live);
            assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(replayed.get(2).id()));
        }
    }

    @Test
    void replayWhileEventsKeepComingHasNoGapsAndNoDuplicates() throws Exception {
        String start;
        try (SseStream stream = open(Map.of())) {
            stream.next(WAIT);
            claim("agent-race", 40);
            start = stream.nextEventFor(REPO, WAIT).id();
        }
        for (int issue = 41; issue < 61; issue++) {
            claim("agent-race", issue);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int issue = 61; issue < 91; issue++) {
                claim("agent-race", issue);
            }
        });
        List<Long> ids = new ArrayList<>();
        try (SseStream resumed = open(Map.of("Last-Event-ID", start))) {
            resumed.next(WAIT);
            writer.get();
            String last = claimAndReturnEventMarker(resumed, ids);
            assertThat(last).isNotNull();
        }
        long first = Long.parseLong(start) + 1;
        assertThat(ids).as("each id once, in order, none missing")
                .containsExactlyElementsOf(LongStream.rangeClosed(first, ids.get(ids.size() - 1)).boxed().toList());
        assertThat(ids).hasSizeGreaterThanOrEqualTo(51);
    }

    /** Writes one more event and collects ids until it arrives; returns its claim id. */
    private static String claimAndReturnEventMarker(SseStream stream, List<Long> ids) throws Exception {
        String marker = claim("agent-race", 91);
        while (true) {
            SseStream.Frame frame = stream.nextEvent(WAIT);
            ids.add(Long.parseLong(frame.id()));
            if (marker.equals(frame.json().path("claim_id").asText())) {
                return marker;
            }
        }
    }

    @Test
    void aLastEventIdNewerThanTheLogMeansOnlyLiveEvents() throws Exception {
        try (SseStream stream = open(Map.of("Last-Event-ID", "999999999"))) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            String id = claim("agent-future", 100);
            assertThat(stream.nextEventFor(REPO, WAIT).json().get("claim_id").asText()).isEqualTo(id);
        }
    }

    @Test
    void theStreamNeedsTheApiKey() throws Exception {
        Api.Answer anonymous = api.send("GET", "/sse", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("unauthorized");
        Api.Answer wrong = api.send("GET", "/sse", null, "not-the-key");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void aQuietStreamStaysOpenWithPings() throws Exception {
        try (SseStream stream = open(Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            SseStream.Frame first = stream.nextFor(REPO, Duration.ofSeconds(25));
            SseStream.Frame second = stream.nextFor(REPO, Duration.ofSeconds(25));
            assertThat(List.of(first.event(), second.event())).containsExactly("ping", "ping");
            assertThat(second.json().get("timestamp").asText()).isNotBlank();
            assertThat(stream.ended()).as("still open after two pings").isFalse();
            String id = claim("agent-quiet", 150);
            assertThat(stream.nextEventFor(REPO, WAIT).json().get("claim_id").asText()).isEqualTo(id);
        }
    }
}
