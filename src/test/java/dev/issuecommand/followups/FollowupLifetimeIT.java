package dev.issuecommand.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What outlives a request: follow-ups going stale on a decimal-minute timeout, and dedupe across restarts. The stale
 * test runs on the server shared with {@code StaleSweepIT} (the same short timeouts); the restarts on servers of
 * their own.
 */
@WithSharedServer(settings = {"CLAIM_TIMEOUT_MINUTES=0.05", "STALE_AUTO_RELEASE_MINUTES=0.1", "FOLLOWUP_STALE_MINUTES=0.05"})
class FollowupLifetimeIT {

    static final String SECRET = "lifetime-secret";
    static final String REPO = "acme/lifetime";

    @TempDir
    static Path dir;

    static FakeGitHub github;

    @BeforeAll
    static void start() throws Exception {
        github = new FakeGitHub();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @Test
    void followupsGoStaleAfterDecimalMinutesAndStaleOnesCanBeTakenOver(TestServer shared) throws Exception {
        Api api = shared.api();
        WebhookSender hooks = new WebhookSender(api, "/api/webhooks/github", WithSharedServer.WEBHOOK_SECRET);
        String id = hooks.send("pull_request_review", WebhookPayloads.changesRequested(REPO, 1, "stale soon"))
                .json().get("work_item_id").asText();
        assertThat(api.patch("/api/followups/" + id, Map.of("agent_id", "sleepy", "status", "claimed")).status())
                .isEqualTo(200);
        JsonNode item = waitForStatus(api, id, "stale", Duration.ofSeconds(30));
        assertThat(item.get("status").asText()).isEqualTo("stale");
        assertThat(item.get("claimed_by_agent_id").asText()).isEqualTo("sleepy");
        JsonNode history = item.get("status_history");
        assertThat(history.get(history.size() - 1).get("note").asText()).isEqualTo("No update in 0.05 minutes");
        assertThat(shared.storedRows().events("followup.stale"))
                .anyMatch(e -> e.get("work_item_id").asText().equals(id));

        JsonNode next = api.post("/api/next-work", Map.of("agent_id", "awake", "repo", REPO)).json();
        assertThat(next.get("kind").asText()).isEqualTo("pr_followup");
        assertThat(next.get("work_item").get("work_item_id").asText()).isEqualTo(id);
        assertThat(next.get("work_item").get("claimed_by_agent_id").asText()).isEqualTo("awake");
        Api.Answer former = api.patch("/api/followups/" + id, Map.of("agent_id", "sleepy", "status", "done"));
        assertThat(former.json().get("reason").asText()).isEqualTo("agent_mismatch");
    }

    @Test
    void deliveriesAndFollowupsSurviveARestartAndTheWebhookCanBeMovedOrDisabled() throws Exception {
        Path file = dir.resolve("restart.db");
        ObjectNode review = WebhookPayloads.changesRequested(REPO, 2, "survive");
        String delivery = UUID.randomUUID().toString();
        String id;
        try (ServerProcess first = ServerProcess.create(github, file, Map.of("GITHUB_WEBHOOK_SECRET", SECRET)).start()) {
            Api.Answer answer = new WebhookSender(first.api(), "/api/webhooks/github", SECRET)
                    .send("pull_request_review", delivery, review);
            assertThat(answer.status()).isEqualTo(202);
            id = answer.json().get("work_item_id").asText();
            first.stop();
        }

        try (ServerProcess second = ServerProcess.create(github, file, Map.of("GITHUB_WEBHOOK_SECRET", SECRET,
                "WEBHOOK_PATH", "/hooks/github")).start()) {
            WebhookSender hooks = new WebhookSender(second.api(), "/hooks/github", SECRET);
            Api.Answer again = hooks.send("pull_request_review", delivery, review);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("duplicate").asBoolean()).isTrue();
            Api.Answer newDelivery = hooks.send("pull_request_review", review);
            assertThat(newDelivery.json().get("reason").asText()).isEqualTo("duplicate_source_event");
            assertThat(second.api().get("/api/followups?repo=" + REPO).json().get("followups"))
                    .extracting(f -> f.get("work_item_id").asText()).containsExactly(id);
            Api.Answer oldPath = second.api().post("/api/webhooks/github", "{}");
            assertThat(oldPath.status()).as("the old path is an ordinary unknown route now").isEqualTo(404);
            second.stop();
        }

        try (ServerProcess third = ServerProcess.create(github, file, Map.of("GITHUB_WEBHOOK_SECRET", SECRET,
                "WEBHOOK_ENABLED", "false")).start()) {
            Api.Answer disabled = new WebhookSender(third.api(), "/api/webhooks/github", SECRET)
                    .send("pull_request_review", WebhookPayloads.changesRequested(REPO, 3, "disabled"));
            assertThat(disabled.status()).isEqualTo(404);
            assertThat(disabled.json().get("error").asText()).isEqualTo("not_found");
            assertThat(third.api().get("/api/followups?repo=" + REPO).json().get("followups")).hasSize(1);
        }
    }

    private static JsonNode waitForStatus(Api api, String id, String status, Duration timeout) {
        return await("follow-up " + id + " " + status).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/followups/" + id).json().get("work_item"),
                        item -> status.equals(item.get("status").asText()));
    }
}
