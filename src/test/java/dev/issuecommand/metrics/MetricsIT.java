package dev.issuecommand.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scrapes {@code /metrics} of the runnable jar as Prometheus does (no API key) after real activity: claims, webhook
 * deliveries, GitHub calls; the scope filter, the refusal of an unknown scope, OpenMetrics on request. The server is
 * shared and classes run one after another: each test compares its own scrapes before and after what it did.
 */
@WithSharedServer
class MetricsIT {

    static final String REPO = "metrics/widgets";
    static final String WEBHOOKS = "issuecommand_webhooks_total";
    static final String GITHUB = "issuecommand_github_requests_total";

    static FakeGitHub github;
    static Api api;
    static WebhookSender hooks;
    static Path db;

    @BeforeAll
    static void start(TestServer shared) {
        github = shared.github();
        github.addIssues(REPO, 1, 10);
        db = shared.database();
        api = shared.api();
        hooks = new WebhookSender(api, "/api/webhooks/github", WithSharedServer.WEBHOOK_SECRET);
        Api.Answer sync = api.post("/api/sync", null);
        assertThat(sync.status()).as("the start-up sync is over, nothing else calls GitHub: " + sync.text())
                .isEqualTo(200);
    }

    static Scrape scrape() {
        return scrape("/metrics");
    }

    /** A scrape as Prometheus makes it: no API key, Prometheus text format version 0.0.4 in UTF-8. */
    static Scrape scrape(String path) {
        Api.Answer answer = api.getPublic(path, null);
        assertThat(answer.status()).as("no API key needed: " + answer.text()).isEqualTo(200);
        assertThat(mediaType(answer)).containsExactlyInAnyOrder("text/plain", "version=0.0.4", "charset=utf-8");
        return Scrape.parse(answer.text());
    }

    /** The Content-Type's media type and parameters, lower case without spaces, in any order. */
    static List<String> mediaType(Api.Answer answer) {
        return Arrays.stream(answer.raw().headers().firstValue("Content-Type").orElse("").split(";"))
                .map(part -> part.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Gauges are cached for two seconds: scrapes until {@code expected} holds, and answers that scrape. */
    static Scrape scrapeUntil(Predicate<Scrape> expected) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(MetricsIT::scrape, expected);
    }

    @Test
    void applicationMetricsAreListedWithHelpTextFromTheStart() {
        Scrape scrape = scrape();
        for (String gauge : List.of("issuecommand_claims_active", "issuecommand_claims_stale",
                "issuecommand_followups_queued")) {
            assertThat(scrape.text()).contains("# TYPE " + gauge + " gauge").contains("# HELP " + gauge + " ");
            assertThat(scrape.has(gauge)).as(gauge).isTrue();
        }
        assertThat(scrape.text()).contains("# TYPE " + WEBHOOKS + " counter");
        for (String outcome : List.of("received", "rejected", "duplicate")) {
            assertThat(scrape.has(WEBHOOKS, "outcome", outcome)).as(outcome).isTrue();
        }
        assertThat(scrape.text()).as("the labels scrapers and dashboards match on")
                .contains(WEBHOOKS + "{mp_scope=\"application\",outcome=\"received\"} ");
        for (String name : scrape.names("issuecommand_")) {
            assertThat(scrape.scopesOf(name)).as(name).containsExactly("application");
        }
        assertThat(scrape.names("issuecommand_")).as("nothing of ours is lost on the way")
                .contains("issuecommand_claims_active", "issuecommand_claims_stale", "issuecommand_followups_queued",
                        WEBHOOKS);
        assertThat(scrape.has("process_uptime_seconds")).as("the JVM's base metrics are there too").isTrue();
    }

    @Test
    void scopeApplicationShowsOnlyOursAndScopeBaseOnlyTheJvms() {
        Scrape everything = scrape();
        Scrape application = scrape("/metrics?scope=application");
        Scrape base = scrape("/metrics?scope=base");

        assertThat(application.scopes().values())
                .allSatisfy(scopes -> assertThat(scopes).containsExactly("application"));
        assertThat(application.names("")).isEqualTo(application.names("issuecommand_"))
                .contains("issuecommand_claims_active", WEBHOOKS);

        assertThat(base.scopes().values()).allSatisfy(scopes -> assertThat(scopes).containsExactly("base"));
        assertThat(base.names("issuecommand_")).isEmpty();
        assertThat(base.text()).as("memory by area and pool")
                .containsPattern("(?m)^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\",mp_scope=\"base\"} ");
        assertThat(base.names("")).contains("jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "jvm_gc_memory_allocated_bytes_total", "process_uptime_seconds",
                "process_cpu_usage", "system_cpu_count");
        assertThat(base.value("process_uptime_seconds")).isPositive();
        assertThat(base.value("jvm_threads_live_threads")).isPositive();

        Set<String> both = new TreeSet<>(application.names(""));
        both.addAll(base.names(""));
        assertThat(everything.names("")).as("no scope: all of them").containsAll(both);
        assertThat(scrape("/metrics/").names("")).as("with a trailing slash as before").containsAll(both);
    }

    @Test
    void unknownScopeIsRefusedNamingTheParameter() {
        for (String scope : List.of("vendor", "nope", "")) {
            Api.Answer refused = api.getPublic("/metrics?scope=" + scope, null);
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
            assertThat(refused.json().get("detail").asText()).contains("scope").contains("\"" + scope + "\"")
                    .contains("application or base");
        }
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() {
        Api.Answer open = api.getPublic("/metrics?scope=application",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.1");
        assertThat(open.status()).isEqualTo(200);
        assertThat(mediaType(open)).containsExactlyInAnyOrder("application/openmetrics-text", "version=1.0.0",
                "charset=utf-8");
        assertThat(open.text()).contains("# TYPE issuecommand_webhooks counter")
                .contains(WEBHOOKS + "{mp_scope=\"application\",outcome=\"rejected\"} ").endsWith("# EOF\n");

        Api.Answer protobuf = api.getPublic("/metrics?scope=application",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
        assertThat(protobuf.status()).as("protobuf is not shipped: text instead").isEqualTo(200);
        assertThat(mediaType(protobuf)).contains("text/plain");
        assertThat(Scrape.parse(protobuf.text()).has("issuecommand_claims_active")).isTrue();
    }

    @Test
    void claimGaugesFollowTheDatabase() throws Exception {
        Scrape before = scrape();
        double active = before.value("issuecommand_claims_active");
        double stale = before.value("issuecommand_claims_stale");
        String staleId = null;
        for (int issue = 1; issue <= 3; issue++) {
            Api.Answer claimed = api.claim("metrics-agent", REPO, issue);
            assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
            staleId = issue == 2 ? claimed.json().get("claim").get("claim_id").asText() : staleId;
            if (issue == 3) {
                Api.Answer released = api.delete("/api/claims/" + claimed.json().get("claim").get("claim_id").asText(),
                        Map.of("agent_id", "metrics-agent"));
                assertThat(released.status()).as(released.text()).isEqualTo(200);
            }
        }
        markStale(staleId);

        Scrape after = scrapeUntil(s -> s.value("issuecommand_claims_active") == active + 2
                && s.value("issuecommand_claims_stale") == stale + 1);
        assertThat(after.value("issuecommand_claims_active")).isEqualTo(active + 2);
        assertThat(after.value("issuecommand_claims_stale")).isEqualTo(stale + 1);
        assertThat(api.get("/api/health").json().get("health").get("stale_claims").asDouble())
                .as("the same number as /api/health").isEqualTo(after.value("issuecommand_claims_stale"));
    }

    @Test
    void webhookCountersCountEachOutcome() throws Exception {
        Scrape before = scrape();
        double queued = before.value("issuecommand_followups_queued");
        String delivery = UUID.randomUUID().toString();
        Object review = WebhookPayloads.changesRequested(REPO, 201, "Please add a test.");

        assertThat(hooks.send("pull_request_review", delivery, review).status()).isEqualTo(202);
        Api.Answer again = hooks.send("pull_request_review", delivery, review);
        assertThat(again.json().get("duplicate").asBoolean()).as(again.text()).isTrue();
        byte[] body = WebhookSender.bytes(review);
        assertThat(hooks.request("pull_request_review", "forged", body, "X-Hub-Signature-256", "sha256=00").status())
                .isEqualTo(401);
        assertThat(hooks.send("pull_request_review", "not-json".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);

        Scrape after = scrapeUntil(s -> s.value("issuecommand_followups_queued") == queued + 1);
        assertThat(delta(before, after, WEBHOOKS, "outcome", "received")).isEqualTo(1);
        assertThat(delta(before, after, WEBHOOKS, "outcome", "duplicate")).isEqualTo(1);
        assertThat(delta(before, after, WEBHOOKS, "outcome", "rejected")).isEqualTo(2);
        assertThat(after.value("issuecommand_followups_queued")).isEqualTo(queued + 1);
    }

    @Test
    void githubRequestsAreCountedByAnswerIncludingNotModified() {
        Scrape before = scrape();
        int seen = github.answers().size();

        assertThat(api.get("/api/issues/" + REPO + "/7").status()).isEqualTo(200);
        assertThat(api.get("/api/issues/" + REPO + "/7").status()).isEqualTo(200);
        github.failNext(1, 502);
        Api.Answer retried = api.get("/api/issues/" + REPO + "/7");
        assertThat(retried.status()).as("retried after the 502: " + retried.text()).isEqualTo(200);

        Scrape after = scrape();
        Map<String, Integer> answered = new TreeMap<>();
        for (String answer : github.answers().subList(seen, github.answers().size())) {
            answered.merge(answer.substring(answer.lastIndexOf(' ') + 1), 1, Integer::sum);
        }
        assertThat(answered).as("fake GitHub's answers").containsKeys("200", "304", "502");
        answered.forEach((status, count) -> assertThat(delta(before, after, GITHUB, "answer", status))
                .as("answer " + status).isEqualTo((double) count));
    }

    static double delta(Scrape before, Scrape after, String name, String label, String value) {
        return after.value(name, label, value) - before.value(name, label, value);
    }

    /** What the stale sweep would do, written from outside: the gauges count every process sharing the file. */
    static void markStale(String claimId) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE claims SET status = 'stale' WHERE claim_id = ? AND active = 1")) {
            update.setString(1, claimId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
