package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stale detection and auto-release on their own schedule, with decimal minutes (docs/behaviour.md §5): seen on the
 * event stream and in {@code GET /api/claims}. CLAIM_TIMEOUT_MINUTES=0.05 is 3 s, STALE_AUTO_RELEASE_MINUTES=0.1 is 6
 * s. The server is shared with {@code FollowupLifetimeIT}, which adds FOLLOWUP_STALE_MINUTES=0.05 for its follow-ups.
 */
@WithSharedServer(settings = {"CLAIM_TIMEOUT_MINUTES=0.05", "STALE_AUTO_RELEASE_MINUTES=0.1", "FOLLOWUP_STALE_MINUTES=0.05"})
class StaleSweepIT {

    private static final String REPO = "acme/idle";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static ServerProcess server;
    static Api api;

    @BeforeAll
    static void start(TestServer shared) {
        shared.github().addIssues(REPO, 1, 10);
        server = shared.server();
        api = shared.api();
    }

    private static JsonNode claim(String agent, int issue) {
        Api.Answer answer = api.claim(agent, REPO, issue);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("claim");
    }

    @Test
    void anIdleClaimGoesStaleThenIsReleasedAutomatically() throws Exception {
        try (SseStream stream = SseStream.open(SseStream.newClient(), server.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            JsonNode claimed = claim("agent-idle", 1);
            String id = claimed.get("claim_id").asText();
            long claimedAt = millis(claimed.get("last_activity_at").asText());
            assertThat(millis(claimed.get("stale_at").asText())).as("stale 3 s after the last activity")
                    .isEqualTo(claimedAt + 3000);
            assertThat(millis(claimed.get("auto_release_at").asText())).as("released 6 s after going stale")
                    .isEqualTo(claimedAt + 9000);

            List<SseStream.Frame> seen = stream.until(f -> f.event().equals("claim.stale")
                    && id.equals(f.json().path("claim_id").asText()), WAIT);
            JsonNode stale = seen.get(seen.size() - 1).json();
            assertThat(stale.get("agent_id").asText()).isEqualTo("agent-idle");
            assertThat(stale.get("details").get("status").asText()).isEqualTo("stale");
            assertThat(stale.get("details").get("note").asText()).isEqualTo("No update in 0.05 minutes");

            JsonNode listed = api.get("/api/claims?agent_id=agent-idle").json().get("claims");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("status").asText()).isEqualTo("stale");
            assertThat(listed.get(0).has("stale_at")).as("a stale claim's only deadline is its release").isFalse();
            assertThat(millis(listed.get(0).get("auto_release_at").asText())).as("6 s after it went stale")
                    .isEqualTo(millis(listed.get(0).get("status_history").get(1).get("timestamp").asText()) + 6000);
            assertThat(api.get("/api/health").json().get("health").get("stale_claims").asInt()).isGreaterThanOrEqualTo(1);

            seen = stream.until(f -> f.event().equals("claim.auto_released")
                    && id.equals(f.json().path("claim_id").asText()), WAIT);
            JsonNode released = seen.get(seen.size() - 1).json();
            assertThat(released.get("details").get("status").asText()).isEqualTo("released");
            assertThat(released.get("details").get("note").asText())
                    .isEqualTo("Auto released after 0.1 minutes in stale state");

            assertThat(api.get("/api/claims?agent_id=agent-idle").json().get("claims")).isEmpty();
            JsonNode ended = api.get("/api/claims/" + id).json().get("claim");
            assertThat(ended.has("stale_at") || ended.has("auto_release_at")).as("an ended claim has no deadlines")
                    .isFalse();
            JsonNode history = ended.get("status_history");
            assertThat(history).extracting(h -> h.get("status").asText()).containsExactly("claimed", "stale", "released");
            assertThat(history.get(1).get("note").asText()).isEqualTo("No update in 0.05 minutes");
            assertThat(history.get(2).get("note").asText()).isEqualTo("Auto released after 0.1 minutes in stale state");
            assertThat(claim("agent-next", 1).get("status").asText()).as("the issue is free again").isEqualTo("claimed");
        }
    }

    @Test
    void heartbeatsAndStatusChangesRestartTheStaleClock() throws Exception {
        JsonNode beating = claim("agent-beat", 5);
        String beatingId = beating.get("claim_id").asText();
        String workingId = claim("agent-work", 6).get("claim_id").asText();
        String lastBeat = null;
        String movedAt = null;
        for (int beat = 0; beat < 10; beat++) {
            // on purpose: a heartbeat every half second for five seconds, past the 3-second timeout
            Thread.sleep(500);
            JsonNode renewed = api.post("/api/claims/" + beatingId + "/heartbeat", Map.of("agent_id", "agent-beat"))
                    .json().get("claim");
            lastBeat = renewed.get("last_activity_at").asText();
            if (beat == 3) {
                movedAt = api.patch("/api/claims/" + workingId, Map.of("agent_id", "agent-work", "status", "in_progress"))
                        .json().get("claim").get("last_updated").asText();
            }
        }
        long beatingStale = staleAt(beatingId);
        long workingStale = staleAt(workingId);
        long claimedAt = millis(beating.get("claimed_at").asText());
        assertThat(beatingStale - millis(lastBeat)).as("idle 3 s counted from the last heartbeat")
                .isGreaterThanOrEqualTo(3000);
        assertThat(millis(lastBeat) - claimedAt).as("heartbeats went on past the timeout").isGreaterThan(3000);
        assertThat(workingStale - millis(movedAt)).as("idle 3 s counted from the status change")
                .isGreaterThanOrEqualTo(3000);
    }

    /** Waits until the claim has gone stale and returns when, from its status history. */
    private static long staleAt(String claimId) {
        JsonNode change = await("claim " + claimId + " going stale").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> staleChange(claimId), found -> found != null);
        return millis(change.get("timestamp").asText());
    }

    /** The change to {@code stale} in the claim's status history; null while there is none. */
    private static JsonNode staleChange(String claimId) {
        for (JsonNode change : api.get("/api/claims/" + claimId).json().get("claim").get("status_history")) {
            if (change.get("status").asText().equals("stale")) {
                return change;
            }
        }
        return null;
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
