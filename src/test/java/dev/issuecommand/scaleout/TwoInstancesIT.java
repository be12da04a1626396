package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.bench.McpHttpSession;
import dev.issuecommand.bench.McpMessages;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.Postgres;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.OnTwoPostgresInstances;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.TwoInstances;
import dev.issuecommand.it.support.WithSharedServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database behave as one server: a claim made through either (over HTTP or MCP) is
 * the same claim through the other, and the event stream of either resumes from an event of the other
 * (docs/behaviour.md §4, §9, §10, §12). Only an MCP session stays with the instance that opened it.
 * It runs on the pair of instances shared with the other classes on PostgreSQL, in repositories of its own.
 */
@WithSharedServer
@OnTwoPostgresInstances
class TwoInstancesIT {

    private static final String REPO = "acme/scaled";
    private static final String COUNTED_REPO = "acme/scaled-counts";
    private static final String EVENTS_REPO = "acme/scaled-events";
    private static final String MCP_REPO = "acme/scaled-mcp";
    private static final Duration WAIT = Duration.ofSeconds(20);

    static TwoInstances servers;
    static Api a;
    static Api b;

    @BeforeAll
    static void start(TestServer shared) {
        servers = shared.instances();
        servers.github.addIssues(REPO, 1, 1);
        servers.github.addIssues(COUNTED_REPO, 1, 3);
        servers.github.addIssues(EVENTS_REPO, 1, 30);
        servers.github.addIssues(MCP_REPO, 1, 1);
        a = servers.a.api();
        b = servers.b.api();
    }

    @Test
    void aClaimMadeOnOneInstanceIsTheSameClaimOnTheOther() {
        Api.Answer created = a.claim("agent-a", REPO, 1);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String id = created.json().get("claim").get("claim_id").asText();
        assertThat(statuses(b, "?repo=" + REPO)).containsExactly(id + "=claimed");

        Api.Answer again = b.claim("agent-a", REPO, 1);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("idempotent").asBoolean()).isTrue();
        assertThat(again.json().get("claim").get("claim_id").asText()).isEqualTo(id);

        Api.Answer taken = b.claim("agent-b", REPO, 1);
        assertThat(taken.status()).as(taken.text()).isEqualTo(409);
        assertThat(taken.json().get("reason").asText()).isEqualTo("already_claimed");
        assertThat(taken.json().get("owner_agent_id").asText()).isEqualTo("agent-a");

        Api.Answer moved = b.patch("/api/claims/" + id, Map.of("agent_id", "agent-a", "status", "in_progress"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(a.get("/api/claims/" + id).json().get("claim").get("status").asText()).isEqualTo("in_progress");
        Api.Answer intruder = a.patch("/api/claims/" + id, Map.of("agent_id", "agent-b", "status", "stale"));
        assertThat(intruder.json().path("reason").asText()).as(intruder.text()).isEqualTo("agent_mismatch");

        Api.Answer released = a.delete("/api/claims/" + id, Map.of("agent_id", "agent-a", "reason", "handing off"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        JsonNode seenOnB = b.get("/api/claims/" + id).json().get("claim");
        assertThat(seenOnB.get("status").asText()).isEqualTo("released");
        assertThat(seenOnB.get("status_history")).extracting(h -> h.get("status").asText())
                .containsExactly("claimed", "in_progress", "released");
        assertThat(statuses(b, "?repo=" + REPO)).isEmpty();
        assertThat(b.get("/api/claims/history?repo=" + REPO).json().get("items"))
                .extracting(c -> c.get("claim_id").asText()).containsExactly(id);

        Api.Answer fresh = b.claim("agent-b", REPO, 1);
        assertThat(fresh.status()).as("the release on A freed the issue on B: " + fresh.text()).isEqualTo(200);
        assertThat(fresh.json().get("claim").get("claim_id").asText()).isNotEqualTo(id);
    }

    @Test
    void mcpSessionsBelongToTheirInstanceButTheirToolsShareTheClaims() throws Exception {
        String claimId;
        try (McpHttpSession onA = McpHttpSession.open(servers.a.port())) {
            JsonNode claimed = McpMessages.payload(onA.request(1, claimIssue(1, "agent-mcp-a")));
            assertThat(claimed.path("ok").asBoolean()).as(claimed.toString()).isTrue();
            claimId = claimed.at("/claim/claim_id").asText();
            assertThat(onA.statusAt(servers.b.port(), McpMessages.call(2, "system_health", "{}")))
                    .as("A's session id sent to B").isEqualTo(404);
        }
        // what an MCP client does after that 404: a new session, here on B
        try (McpHttpSession onB = McpHttpSession.open(servers.b.port())) {
            JsonNode refused = McpMessages.payload(onB.request(3, claimIssue(3, "agent-mcp-b")));
            assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
            assertThat(refused.path("reason").asText()).isEqualTo("already_claimed");
            assertThat(refused.path("owner_agent_id").asText()).isEqualTo("agent-mcp-a");
            JsonNode listed = McpMessages.payload(onB.request(4, McpMessages.call(4, "get_all_claims",
                    McpMessages.JSON.writeValueAsString(Map.of("repo", MCP_REPO)))));
            assertThat(listed.path("claims")).as(listed.toString())
                    .extracting(claim -> claim.get("claim_id").asText() + "=" + claim.get("agent_id").asText())
                    .containsExactly(claimId + "=agent-mcp-a");
        }
    }

    @Test
    void bothInstancesCountTheSameClaims() {
        a.claimId("agent-count-1", COUNTED_REPO, 1);
        b.claimId("agent-count-2", COUNTED_REPO, 2);
        String id = b.claimId("agent-count-2", COUNTED_REPO, 3);
        a.patch("/api/claims/" + id, Map.of("agent_id", "agent-count-2", "status", "in_progress"));
        JsonNode onA = health(a);
        JsonNode onB = health(b);
        for (String number : List.of("total_claims", "active_claims", "active_agents", "stale_claims")) {
            assertThat(onB.get(number)).as(number).isEqualTo(onA.get(number));
        }
        assertThat(onA.get("active_claims").asInt()).isEqualTo(b.get("/api/claims").json().get("claims").size());
        assertThat(onA.get("active_claims").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStreamOnOneInstanceResumesWithExactlyTheEventsWrittenOnBoth() throws Exception {
        List<Long> live = new ArrayList<>();
        String from;
        String marker;
        try (SseStream stream = SseStream.open(SseStream.newClient(), servers.a.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            String first = a.claimId("agent-before", EVENTS_REPO, 1);
            from = eventOf(stream, first).id();
            writeConcurrentlyOnBoth();
            marker = b.claimId("agent-marker", EVENTS_REPO, 22);
            collectUntil(stream, marker, live);
        }
        assertThat(live).as("live ids on A, events of both instances").isSorted().doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(41);
        assertThat(live.get(0)).isGreaterThan(Long.parseLong(from));

        List<Long> replayed = new ArrayList<>();
        try (SseStream resumed = SseStream.open(SseStream.newClient(), servers.b.base(), ServerProcess.API_KEY,
                Map.of("Last-Event-ID", from))) {
            assertThat(resumed.next(WAIT).event()).isEqualTo("connected");
            collectUntil(resumed, marker, replayed);
        }
        assertThat(replayed).as("replayed on B: exactly the events after %s that A delivered live", from)
                .containsExactlyElementsOf(live);
    }

    @Test
    void aStreamKeepsItsEventsWhenTheInstanceLosesItsConnectionForNews() throws Exception {
        try (SseStream stream = SseStream.open(SseStream.newClient(), servers.b.base(), ServerProcess.API_KEY, Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            // the shared pair's database only: other classes' servers share the embedded PostgreSQL
            String database = URI.create(servers.databaseUrl).getPath().substring(1);
            int dropped = Postgres.asAdmin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'issuecommand-events' AND datname = '" + database + "'");
            assertThat(dropped).as("both instances listen for new events").isEqualTo(2);
            String claimed = a.claimId("agent-while-dropped", EVENTS_REPO, 30);
            assertThat(eventOf(stream, claimed).event()).isEqualTo("claim.created");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(servers.b.stderrText())
                .contains("sse.listener_dropped").contains("sse.listener_reconnected"));
    }

    @Test
    void theLogsNameTheDatabaseButNeverItsPassword() throws Exception {
        String database = URI.create(servers.databaseUrl).getPath().substring(1);
        for (ServerProcess server : List.of(servers.a, servers.b)) {
            assertThat(server.stderrText()).contains(database).doesNotContain(Postgres.password());
        }
    }

    /** Four writers, two on each instance, each claiming and releasing five issues of the events repository. */
    private static void writeConcurrentlyOnBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                Api api = writer % 2 == 0 ? a : b;
                int from = 2 + writer * 5;
                String agent = "writer-" + writer;
                writers.add(pool.submit(() -> claimAndRelease(api, agent, from, from + 4)));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code agent} claims and releases issues {@code from} to {@code to} of the events repository. */
    private static void claimAndRelease(Api api, String agent, int from, int to) {
        for (int issue = from; issue <= to; issue++) {
            String id = api.claimId(agent, EVENTS_REPO, issue);
            Api.Answer released = api.delete("/api/claims/" + id, Map.of("agent_id", agent));
            assertThat(released.status()).as(released.text()).isEqualTo(200);
        }
    }

    /** Adds the id of every event (pings left out) to {@code ids} up to the {@code claim.created} of {@code claimId}. */
    private static void collectUntil(SseStream stream, String claimId, List<Long> ids) throws Exception {
        while (true) {
            SseStream.Frame frame = stream.nextEvent(WAIT);
            ids.add(Long.parseLong(frame.id()));
            if (isCreationOf(frame, claimId)) {
                return;
            }
        }
    }

    private static SseStream.Frame eventOf(SseStream stream, String claimId) throws Exception {
        List<SseStream.Frame> seen = stream.until(frame -> isCreationOf(frame, claimId), WAIT);
        return seen.get(seen.size() - 1);
    }

    private static boolean isCreationOf(SseStream.Frame frame, String claimId) {
        return "claim.created".equals(frame.event()) && claimId.equals(frame.json().path("claim_id").asText());
    }

    /** A {@code tools/call} of {@code claim_issue}: {@code agent} claims issue 1 of the MCP repository. */
    private static String claimIssue(long id, String agent) throws Exception {
        return McpMessages.call(id, "claim_issue", McpMessages.JSON.writeValueAsString(
                Map.of("agent_id", agent, "repo", MCP_REPO, "issue_number", 1)));
    }

    private static JsonNode health(Api api) {
        return api.get("/api/health").json().get("health");
    }

    private static List<String> statuses(Api api, String query) {
        List<String> statuses = new ArrayList<>();
        api.get("/api/claims" + query).json().get("claims")
                .forEach(claim -> statuses.add(claim.get("claim_id").asText() + "=" + claim.get("status").asText()));
        return statuses;
    }
}
