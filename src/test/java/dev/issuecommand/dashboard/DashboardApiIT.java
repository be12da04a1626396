package dev.issuecommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.events.SseStream;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.StoredRows;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's own API over real HTTP, as the page uses it: sign-in and the session cookie, the CSRF and origin
 * checks, what the fleet state shows, the operator's actions and how they are recorded, the history computed in SQL,
 * and the event stream's replay. On the shared server: its repositories ({@code acme/dash*}) and agents
 * ({@code dash-*}) are its own.
 */
@WithSharedServer
class DashboardApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static Api api;
    static WebhookSender hooks;
    static StoredRows db;
    static SignedInOperator alice;

    @BeforeAll
    static void start(TestServer shared) {
        for (int issue = 1; issue <= 6; issue++) {
            shared.github().addIssue("acme/dash", issue, "Dashboard issue " + issue);
        }
        shared.github().addIssue("acme/dash-other", 1, "Another repository's issue");
        api = shared.api();
        hooks = new WebhookSender(api, "/api/webhooks/github", WithSharedServer.WEBHOOK_SECRET);
        db = shared.storedRows();
        alice = SignedInOperator.signIn(api, "alice");
    }

    @Test
    void signInTakesTheApiKeyAndSetsAStrictHttpOnlyCookie() {
        Api.Answer wrong = api.sendWith("POST", SignedInOperator.SESSION, Map.of("key", "not-the-key"), Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.raw().headers().firstValue("Set-Cookie")).isEmpty();
        Api.Answer missing = api.sendWith("POST", SignedInOperator.SESSION, Map.of("name", "bob"), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Missing or invalid field: key");
        Api.Answer badName = api.sendWith("POST", SignedInOperator.SESSION,
                Map.of("key", ServerProcess.API_KEY, "name", "<script>"), Map.of());
        assertThat(badName.json().get("detail").asText()).isEqualTo("Missing or invalid field: name");

        assertThat(alice.setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/ui").doesNotContain("Secure");
        JsonNode session = alice.get(SignedInOperator.SESSION).json();
        assertThat(session.get("signed_in").asBoolean()).isTrue();
        assertThat(session.get("operator").asText()).isEqualTo("alice");
        assertThat(session.get("csrf_token").asText()).isEqualTo(alice.csrfToken);
        assertThat(api.sendWith("GET", SignedInOperator.SESSION, null, Map.of()).json().get("signed_in").asBoolean())
                .isFalse();
    }

    @Test
    void thePageApiAndTheJsonApiEachKeepTheirOwnCredentials() {
        Api.Answer noSession = api.sendWith("GET", "/ui/api/state", null, Map.of());
        assertThat(noSession.status()).isEqualTo(401);
        assertThat(noSession.json().get("error").asText()).isEqualTo("not_signed_in");
        Api.Answer bearerOnPage = api.sendWith("GET", "/ui/api/state", null,
                Map.of("Authorization", "Bearer " + ServerProcess.API_KEY));
        assertThat(bearerOnPage.status()).isEqualTo(401);
        Api.Answer cookieOnApi = api.sendWith("GET", "/api/claims", null, Map.of("Cookie", alice.cookie));
        assertThat(cookieOnApi.status()).isEqualTo(401);
        assertThat(alice.get("/ui/api/state").raw().headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrFromAnotherOriginIsRefusedAndChangesNothing() {
        String claimId = api.claimId("dash-csrf", "acme/dash", 1);
        String release = "/ui/api/claims/" + claimId + "/release";
        Map<String, String> reason = Map.of("reason", "forged");
        List<Api.Answer> forged = List.of(
                alice.send("POST", release, reason, Map.of()),
                alice.send("POST", release, reason, Map.of("X-CSRF-Token", "guessed")),
                alice.send("POST", release, reason, Map.of("X-CSRF-Token", alice.csrfToken,
                        "Origin", "https://evil.example")));
        assertThat(forged).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("error").asText()).isEqualTo("csrf");
        });
        assertThat(api.get("/api/claims/" + claimId).json().at("/claim/status").asText()).isEqualTo("claimed");

        Api.Answer sameOrigin = alice.send("POST", release, Map.of("reason", "tidying up"),
                Map.of("X-CSRF-Token", alice.csrfToken, "Origin", api.base()));
        assertThat(sameOrigin.status()).as(sameOrigin.text()).isEqualTo(200);
    }

    @Test
    void stateShowsEachClaimWithItsDeadlinesTheQueueAndTheAgents() {
        String claimId = api.claimId("dash-state", "acme/dash", 2);
        api.patch("/api/claims/" + claimId, Map.of("agent_id", "dash-state", "status", "in_progress"));
        String item = queueReview("acme/dash", 702);

        JsonNode state = alice.get("/ui/api/state?repo=acme/dash").json();
        JsonNode card = find(state.get("claims"), "claim_id", claimId);
        assertThat(card.get("status").asText()).isEqualTo("in_progress");
        assertThat(card.get("issue_url").asText()).isEqualTo("https://github.com/acme/dash/issues/2");
        Instant lastActivity = Instant.parse(card.get("last_activity_at").asText());
        assertThat(Instant.parse(card.get("stale_at").asText()))
                .isEqualTo(lastActivity.plusSeconds(state.get("claim_timeout_seconds").asLong()));
        assertThat(card.get("status_since").asText()).isEqualTo(card.get("last_updated").asText());
        assertThat(find(state.get("followups"), "work_item_id", item).get("status").asText()).isEqualTo("queued");
        JsonNode agent = find(state.get("agents"), "agent_id", "dash-state");
        assertThat(agent.get("claims").asInt()).isEqualTo(1);
        assertThat(state.get("operator").asText()).isEqualTo("alice");
        assertThat(texts(state.get("repos"))).contains("acme/dash");

        JsonNode otherRepo = alice.get("/ui/api/state?repo=acme/dash-other").json();
        assertThat(texts(otherRepo.get("claims"), "claim_id")).doesNotContain(claimId);
        JsonNode otherAgent = alice.get("/ui/api/state?agent=dash-nobody").json();
        assertThat(otherAgent.get("claims")).isEmpty();
        assertThat(alice.get("/ui/api/state?repo=not%20a%20repo").json().get("detail").asText())
                .isEqualTo("Missing or invalid field: repo");
    }

    @Test
    void theOperatorReleasesAnyClaimWithAReasonRecordedUnderTheirName() {
        String claimId = api.claimId("dash-stuck", "acme/dash", 3);
        Api.Answer noReason = alice.post("/ui/api/claims/" + claimId + "/release", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).isEqualTo("Missing or invalid field: reason");

        Api.Answer released = alice.post("/ui/api/claims/" + claimId + "/release", Map.of("reason", "stuck for hours"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        JsonNode history = api.get("/api/claims/" + claimId).json().at("/claim/status_history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("released");
        assertThat(last.get("actor").asText()).isEqualTo("operator:alice");
        assertThat(last.get("note").asText()).isEqualTo("stuck for hours");
        JsonNode event = db.events("claim.released").stream()
                .filter(e -> claimId.equals(e.path("claim_id").asText())).findFirst().orElseThrow();
        assertThat(event.get("actor").asText()).isEqualTo("operator:alice");
        assertThat(alice.get("/ui/api/state").json().get("claims").findValuesAsText("claim_id")).doesNotContain(claimId);

        Api.Answer again = alice.post("/ui/api/claims/" + claimId + "/release", Map.of("reason", "again"));
        assertThat(again.json().get("idempotent").asBoolean()).as(again.text()).isTrue();
        assertThat(api.get("/api/claims/" + claimId).json().at("/claim/status_history")).hasSize(history.size());
        assertThat(alice.post("/ui/api/claims/no-such-claim/release", Map.of("reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void theOperatorRequeuesAHeldFollowupAndDismissesAnother() {
        String held = queueReview("acme/dash", 711);
        Api.Answer taken = api.patch("/api/followups/" + held, Map.of("agent_id", "dash-holder", "status", "in_progress"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(200);

        Api.Answer requeued = alice.post("/ui/api/followups/" + held + "/requeue", Map.of("reason", "holder is gone"));
        assertThat(requeued.status()).as(requeued.text()).isEqualTo(200);
        JsonNode item = api.get("/api/followups/" + held).json().get("work_item");
        assertThat(item.get("status").asText()).isEqualTo("queued");
        assertThat(item.has("claimed_by_agent_id")).isFalse();
        assertThat(db.events("followup.requeued").stream().filter(e -> held.equals(e.path("work_item_id").asText()))
                .map(e -> e.get("actor").asText())).containsExactly("operator:alice");
        Api.Answer retaken = api.patch("/api/followups/" + held, Map.of("agent_id", "dash-next", "status", "claimed"));
        assertThat(retaken.status()).as("a requeued item is anyone's again: %s", retaken.text()).isEqualTo(200);

        String noise = queueReview("acme/dash", 712);
        Api.Answer dismissed = alice.post("/ui/api/followups/" + noise + "/dismiss", Map.of());
        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
        assertThat(api.get("/api/followups/" + noise).json().at("/work_item/status").asText()).isEqualTo("dismissed");
        assertThat(alice.get("/ui/api/state").json().get("followups").findValuesAsText("work_item_id"))
                .doesNotContain(noise);
        assertThat(alice.post("/ui/api/followups/" + noise + "/requeue", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void historyCountsEndedClaimsPerHourAndComputesDailyMedianAndP90() {
        long now = System.currentTimeMillis();
        long hour = 3_600_000L;
        long twentyHoursAgo = (now / hour - 20) * hour + hour / 2;
        insertEnded("dash-hist-h", "closed", twentyHoursAgo - 600_000, null, twentyHoursAgo, 3);
        insertEnded("dash-hist-h", "released", twentyHoursAgo - 600_000, null, twentyHoursAgo, 1);
        LocalDate fiveDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        long noon = fiveDaysAgo.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int minutes = 1; minutes <= 10; minutes++) {
            insertEnded("dash-hist-d", "closed", noon, noon + minutes * 60_000L, noon + 2 * minutes * 60_000L, 1);
        }

        JsonNode history = alice.get("/ui/api/history").json();
        assertThat(history.get("hours")).hasSize(24);
        JsonNode bucket = find(history.get("hours"), "hour", Instant.ofEpochMilli(twentyHoursAgo / hour * hour)
                .toString().replace("Z", ".000Z"));
        assertThat(bucket.get("closed").asInt()).isEqualTo(3);
        assertThat(bucket.get("released").asInt()).isEqualTo(1);
        JsonNode day = find(history.get("days"), "day", fiveDaysAgo.toString());
        assertThat(day.get("to_pr_submitted").get("count").asInt()).isEqualTo(10);
        assertThat(day.get("to_pr_submitted").get("median_seconds").asLong()).isEqualTo(300);
        assertThat(day.get("to_pr_submitted").get("p90_seconds").asLong()).isEqualTo(540);
        assertThat(day.get("to_closed").get("median_seconds").asLong()).isEqualTo(600);
        assertThat(day.get("to_closed").get("p90_seconds").asLong()).isEqualTo(1080);
        JsonNode quietDay = find(history.get("days"), "day", fiveDaysAgo.minusDays(1).toString());
        assertThat(quietDay.get("to_closed").get("count").asInt()).isZero();
        assertThat(quietDay.get("to_closed").get("median_seconds").isNull()).isTrue();
    }

    @Test
    void theEventStreamReplaysFromTheGivenIdAndResumesAfterLastEventIdWithoutRepeats() throws Exception {
        long before = alice.get("/ui/api/state").json().get("last_event_id").asLong();
        String claimId = api.claimId("dash-events", "acme/dash", 4);
        api.patch("/api/claims/" + claimId, Map.of("agent_id", "dash-events", "status", "in_progress"));
        HttpClient client = SseStream.newClient();
        String firstSeen;
        try (SseStream stream = SseStream.openAt(client, api.base() + "/ui/api/events?after=" + before,
                Map.of("Cookie", alice.cookie))) {
            SseStream.Frame created = nextFor(stream, claimId);
            assertThat(created.event()).isEqualTo("claim.created");
            firstSeen = created.id();
        }
        api.patch("/api/claims/" + claimId, Map.of("agent_id", "dash-events", "status", "pr_submitted",
                "pr_url", "https://github.com/acme/dash/pull/9"));
        try (SseStream resumed = SseStream.openAt(client, api.base() + "/ui/api/events?after=0",
                Map.of("Cookie", alice.cookie, "Last-Event-ID", firstSeen))) {
            SseStream.Frame updated = nextFor(resumed, claimId);
            assertThat(updated.json().at("/details/status").asText()).isEqualTo("in_progress");
            assertThat(Long.parseLong(updated.id())).isGreaterThan(Long.parseLong(firstSeen));
            assertThat(nextFor(resumed, claimId).json().at("/details/status").asText()).isEqualTo("pr_submitted");
        }
        Api.Answer recent = alice.get("/ui/api/events/recent?limit=500");
        assertThat(recent.json().get("events").findValuesAsText("claim_id")).contains(claimId);
        assertThat(alice.get("/ui/api/events/recent?limit=0").status()).isEqualTo(400);
    }

    @Test
    void signingOutEndsTheSession() {
        SignedInOperator bob = SignedInOperator.signIn(api, "bob");
        assertThat(bob.get("/ui/api/state").status()).isEqualTo(200);
        Api.Answer out = bob.signOut();
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(bob.get("/ui/api/state").status()).isEqualTo(401);
        assertThat(bob.get(SignedInOperator.SESSION).json().get("signed_in").asBoolean()).isFalse();
        assertThat(alice.get("/ui/api/state").status()).as("another operator's session lives on").isEqualTo(200);
    }

    @Test
    void theRootLeadsToThePageAndThePageHasStrictSecurityHeaders() {
        Api.Answer root = api.getPublic("/", null);
        assertThat(root.status()).isEqualTo(303);
        assertThat(root.raw().headers().firstValue("Location")).hasValue("/ui/");
        Api.Answer page = api.getPublic("/ui/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.raw().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(api.getPublic("/ui/..%2FWEB-INF%2Fweb.xml", null).status()).isEqualTo(404);
        assertThat(api.sendWith("POST", "/ui/index.html", "{}", Map.of()).status()).isEqualTo(405);
    }

    private static String queueReview(String repo, int pr) {
        Api.Answer answer = hooks.send("pull_request_review", WebhookPayloads.changesRequested(repo, pr, "please fix"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json().get("work_item_id").asText();
    }

    /** Stores {@code count} ended claims of {@code agent}, as if they had been worked on at those times. */
    private static void insertEnded(String agent, String status, long claimedAt, Long prSubmittedAt, long endedAt,
            int count) {
        for (int i = 0; i < count; i++) {
            db.update("INSERT INTO claims (claim_id, agent_id, repo, repo_key, issue_number, issue_title, issue_labels, "
                    + "issue_assignees, status, active, claimed_at, last_updated, last_activity_at, ended_at, "
                    + "status_history, pr_submitted_at) VALUES (?, ?, 'acme/dash-history', 'acme/dash-history', ?, "
                    + "'An old issue', '[]', '[]', ?, 0, ?, ?, ?, ?, '[]', ?)", UUID.randomUUID().toString(), agent,
                    1000 + i, status, claimedAt, endedAt, endedAt, endedAt, prSubmittedAt);
        }
    }

    private static SseStream.Frame nextFor(SseStream stream, String claimId) throws Exception {
        List<SseStream.Frame> frames = stream.until(frame -> claimId.equals(frame.json().path("claim_id").asText()),
                WAIT);
        return frames.get(frames.size() - 1);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> value.equals(n.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.findValuesAsText(field);
    }
}
