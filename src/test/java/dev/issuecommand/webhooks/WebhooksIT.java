package dev.issuecommand.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.StoredRows;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhook ingestion over real HTTP against the runnable jar, with real GitHub payloads signed in the test. */
@WithOwnServer(settings = {"GITHUB_WEBHOOK_SECRET=" + WebhooksIT.SECRET,
    "ALLOWED_REPOS=codertocat/hello-world, acme/widgets", "WEBHOOK_DEDUPE_MAX_ENTRIES=5", "FOLLOWUP_MAX_ENTRIES=2"})
class WebhooksIT {

    static final String SECRET = "webhook-secret-for-tests";
    static final String REPO = "Codertocat/Hello-World";
    static final String PATH = "/api/webhooks/github";

    static FakeGitHub github;
    static ServerProcess server;
    static Api api;
    static WebhookSender hooks;
    static StoredRows db;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        github.setLogin("issuecommand-bot");
        server = own.server();
        api = own.api();
        hooks = new WebhookSender(api, PATH, SECRET);
        db = own.storedRows();
    }

    private static JsonNode followup(String workItemId) {
        Api.Answer answer = api.get("/api/followups/" + workItemId);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("work_item");
    }

    private static JsonNode processed(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        assertThat(answer.json().get("ok").asBoolean()).isTrue();
        assertThat(answer.json().get("processed").asBoolean()).as(answer.text()).isTrue();
        return answer.json();
    }

    private static String ignoredReason(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        assertThat(answer.json().get("ok").asBoolean()).isTrue();
        assertThat(answer.json().get("ignored").asBoolean()).as(answer.text()).isTrue();
        return answer.json().get("reason").asText();
    }

    @Test
    void changesRequestedReviewQueuesAFollowup() {
        ObjectNode payload = WebhookPayloads.changesRequested(REPO, 101, "  Please rename the helper.  ");
        long reviewId = payload.get("review").get("id").asLong();
        String delivery = UUID.randomUUID().toString();
        JsonNode answer = processed(hooks.send("pull_request_review", delivery, payload));
        assertThat(answer.get("repo").asText()).isEqualTo(REPO);
        assertThat(answer.get("pr_number").asInt()).isEqualTo(101);
        assertThat(answer.get("delivery_id").asText()).isEqualTo(delivery);

        JsonNode item = followup(answer.get("work_item_id").asText());
        assertThat(item.get("repo").asText()).isEqualTo(REPO);
        assertThat(item.get("pr_number").asInt()).isEqualTo(101);
        assertThat(item.get("pr_url").asText()).isEqualTo("https://github.com/" + REPO + "/pull/101");
        assertThat(item.get("pr_title").asText()).isEqualTo("Pull request 101 of " + REPO);
        assertThat(item.get("source_event_type").asText()).isEqualTo("review_changes_requested");
        assertThat(item.get("source_event_id").asText()).isEqualTo("review:" + reviewId);
        assertThat(item.get("source_delivery_id").asText()).isEqualTo(delivery);
        assertThat(item.get("requested_by").asText()).isEqualTo("Codertocat");
        assertThat(item.get("summary").asText()).isEqualTo("Please rename the helper.");
        assertThat(item.get("actionable_comments")).extracting(JsonNode::asText).containsExactly("Please rename the helper.");
        assertThat(item.get("status").asText()).isEqualTo("queued");
        assertThat(item.get("status_history")).hasSize(1);
        assertThat(item.has("claimed_by_agent_id")).isFalse();
        assertThat(api.get("/api/followups?pr_number=101").json().get("followups"))
                .extracting(f -> f.get("work_item_id").asText()).containsExactly(answer.get("work_item_id").asText());

        assertThat(db.events("followup.created")).anyMatch(e -> e.get("work_item_id").asText()
                .equals(answer.get("work_item_id").asText()) && e.get("pr_number").asInt() == 101);
        assertThat(db.events("webhook.received")).anyMatch(e -> delivery.equals(e.get("details").get("delivery_id").asText())
                && "processed".equals(e.get("details").get("outcome").asText()));
    }

    @Test
    void reviewCommentFromTheUnchangedRealPayloadQueues() {
        JsonNode answer = processed(hooks.send("pull_request_review_comment",
                WebhookPayloads.raw("pull_request_review_comment.created.json")));
        JsonNode item = followup(answer.get("work_item_id").asText());
        assertThat(item.get("source_event_type").asText()).isEqualTo("review_comment");
        assertThat(item.get("source_event_id").asText()).isEqualTo("review_comment:284312630");
        assertThat(item.get("pr_url").asText()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
        assertThat(item.get("pr_title").asText()).isEqualTo("Update the README with new information.");
        assertThat(item.get("summary").asText()).isEqualTo("Maybe you should use more emoji on this line.");
    }

    @Test
    void commentOnAPullRequestQueuesAndOnAnIssueDoesNot() {
        JsonNode answer = processed(hooks.send("issue_comment", WebhookPayloads.prComment(REPO, 102, "Can you add a test?")));
        JsonNode item = followup(answer.get("work_item_id").asText());
        assertThat(item.get("source_event_type").asText()).isEqualTo("pr_comment");
        assertThat(item.get("source_event_id").asText()).startsWith("issue_comment:");
        assertThat(item.get("pr_number").asInt()).isEqualTo(102);
        assertThat(item.get("pr_url").asText()).isEqualTo("https://github.com/" + REPO + "/pull/102");
        assertThat(item.get("summary").asText()).isEqualTo("Can you add a test?");

        assertThat(ignoredReason(hooks.send("issue_comment", WebhookPayloads.raw("issue_comment.created.json"))))
                .isEqualTo("issue_comment_not_on_pull_request");
    }

    @Test
    void emptyBodyGetsTheDefaultSummary() {
        ObjectNode payload = WebhookPayloads.changesRequested(REPO, 103, "x");
        ((ObjectNode) payload.get("review")).putNull("body");
        JsonNode item = followup(processed(hooks.send("pull_request_review", payload)).get("work_item_id").asText());
        assertThat(item.get("summary").asText()).isNotBlank();
        assertThat(item.get("actionable_comments")).isEmpty();
    }

    @Test
    void otherEventsAreIgnoredWithAReason() {
        assertThat(ignoredReason(hooks.send("pull_request_review", WebhookPayloads.raw("pull_request_review.submitted.json"))))
                .isEqualTo("review_not_changes_requested");
        assertThat(ignoredReason(hooks.send("ping", WebhookPayloads.raw("ping.json")))).isEqualTo("unsupported_event");
        assertThat(ignoredReason(hooks.send("pull_request", WebhookPayloads.raw("pull_request.opened.json"))))
                .isEqualTo("unsupported_action");
        ObjectNode edited = WebhookPayloads.reviewComment(REPO, 104, "edited text");
        edited.put("action", "edited");
        assertThat(ignoredReason(hooks.send("pull_request_review_comment", edited))).isEqualTo("unsupported_action");
        assertThat(ignoredReason(hooks.send("pull_request_review",
                "{\"action\":\"submitted\",\"repository\":{\"full_name\":\"myorg/api\"}}")))
                .as("the README's own example").isEqualTo("review_not_changes_requested");
        assertThat(api.get("/api/followups?pr_number=104").json().get("followups")).isEmpty();
    }

    @Test
    void reposOutsideAllowedReposAndTheTokensOwnCommentsDoNotQueue() {
        assertThat(ignoredReason(hooks.send("pull_request_review",
                WebhookPayloads.changesRequested("evil/repo", 105, "do it")))).isEqualTo("repository_not_allowed");
        assertThat(ignoredReason(hooks.send("pull_request_review_comment",
                WebhookPayloads.writtenBy(WebhookPayloads.reviewComment(REPO, 106, "note to self"), "IssueCommand-Bot"))))
                .isEqualTo("authored_by_token_owner");
        assertThat(api.get("/api/followups?pr_number=105").json().get("followups")).isEmpty();
        assertThat(api.get("/api/followups?pr_number=106").json().get("followups")).isEmpty();
        JsonNode other = processed(hooks.send("pull_request_review_comment",
                WebhookPayloads.writtenBy(WebhookPayloads.reviewComment("acme/widgets", 106, "real review"), "alice")));
        assertThat(other.get("repo").asText()).isEqualTo("acme/widgets");
        Api.Answer nextWork = api.post("/api/next-work", Map.of("agent_id", "a", "repo", "evil/repo"));
        assertThat(nextWork.status()).isEqualTo(403);
        assertThat(nextWork.json().get("reason").asText()).isEqualTo("invalid_repo");
    }

    @Test
    void everyRejectionSaysWhy() throws Exception {
        byte[] body = WebhookSender.bytes(WebhookPayloads.changesRequested(REPO, 107, "rejected"));
        Api.Answer none = hooks.request("pull_request_review", "r-1", body, null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("ok").asBoolean()).isFalse();
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized_webhook");
        assertThat(none.json().get("reason").asText()).isEqualTo("missing_valid_signature_or_api_key");

        Api.Answer forged = hooks.request("pull_request_review", "r-2", body, "X-Hub-Signature-256",
                "sha256=" + "0".repeat(64));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("reason").asText()).isEqualTo("invalid_signature");

        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("rejected", "accepted")
                .getBytes(StandardCharsets.UTF_8);
        Api.Answer changed = hooks.request("pull_request_review", "r-3", tampered, "X-Hub-Signature-256",
                dev.issuecommand.webhooks.control.WebhookSignature.sign(body, SECRET));
        assertThat(changed.json().get("reason").asText()).as("signed bytes differ from sent bytes")
                .isEqualTo("invalid_signature");

        Api.Answer wrongKey = hooks.request("pull_request_review", "r-4", body, "Authorization", "Bearer nope");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().get("reason").asText()).isEqualTo("missing_valid_signature_or_api_key");
        Api.Answer loose = hooks.request("pull_request_review", "r-5", body, "Authorization",
                "bearer " + ServerProcess.API_KEY);
        assertThat(loose.status()).as("exactly 'Bearer <API_KEY>'").isEqualTo(401);
        assertThat(api.get("/api/followups?pr_number=107").json().get("followups")).isEmpty();

        Api.Answer noEvent = hooks.send(null, body);
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.json().get("error").asText()).isEqualTo("invalid_webhook_payload");
        Api.Answer broken = hooks.send("pull_request_review", "{\"action\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).isEqualTo("invalid_webhook_payload");
        Api.Answer array = hooks.send("pull_request_review", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("error").asText()).isEqualTo("invalid_webhook_payload");
        Api.Answer empty = hooks.send("pull_request_review", "");
        assertThat(empty.status()).isEqualTo(400);

        assertThat(db.events("webhook.rejected")).anyMatch(e -> "r-2".equals(e.get("details").get("delivery_id").asText())
                && "invalid_signature".equals(e.get("details").get("reason").asText()));
        assertThat(server.stderrText()).doesNotContain(SECRET).doesNotContain(ServerProcess.API_KEY);
    }

    @Test
    void theApiKeyAloneIsEnough() {
        byte[] body = WebhookSender.bytes(WebhookPayloads.changesRequested(REPO, 108, "by key"));
        Api.Answer answer = hooks.request("pull_request_review", UUID.randomUUID().toString(), body, "Authorization",
                "Bearer " + ServerProcess.API_KEY);
        assertThat(processed(answer).get("pr_number").asInt()).isEqualTo(108);
    }

    @Test
    void aRedeliveryIsAnsweredAsDuplicateAndQueuesNothing() {
        ObjectNode payload = WebhookPayloads.reviewComment(REPO, 109, "once only");
        String delivery = UUID.randomUUID().toString();
        JsonNode first = processed(hooks.send("pull_request_review_comment", delivery, payload));
        Api.Answer again = hooks.send("pull_request_review_comment", delivery, payload);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("ok").asBoolean()).isTrue();
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("delivery_id").asText()).isEqualTo(delivery);

        Api.Answer sameCommentNewDelivery = hooks.send("pull_request_review_comment", payload);
        assertThat(ignoredReason(sameCommentNewDelivery)).isEqualTo("duplicate_source_event");
        assertThat(api.get("/api/followups?pr_number=109").json().get("followups"))
                .extracting(f -> f.get("work_item_id").asText()).containsExactly(first.get("work_item_id").asText());
    }

    @Test
    void deliveryIdsAreBoundedOldestFirst() {
        String oldest = "bounded-" + UUID.randomUUID();
        hooks.send("ping", oldest, WebhookPayloads.raw("ping.json"));
        for (int i = 0; i < 5; i++) {
            hooks.send("ping", WebhookPayloads.raw("ping.json"));
        }
        assertThat(db.number("SELECT COUNT(*) FROM webhook_deliveries")).isLessThanOrEqualTo(5);
        Api.Answer again = hooks.send("ping", oldest, WebhookPayloads.raw("ping.json"));
        assertThat(again.status()).as("WEBHOOK_DEDUPE_MAX_ENTRIES=5 dropped it").isEqualTo(202);
        assertThat(again.json().has("duplicate")).isFalse();
    }

    @Test
    void synchronizeResolvesEveryUnfinishedFollowupOfThatPullRequest() {
        String a = processed(hooks.send("pull_request_review", WebhookPayloads.changesRequested(REPO, 110, "one")))
                .get("work_item_id").asText();
        String b = processed(hooks.send("issue_comment", WebhookPayloads.prComment(REPO, 110, "two")))
                .get("work_item_id").asText();
        String other = processed(hooks.send("issue_comment", WebhookPayloads.prComment(REPO, 111, "elsewhere")))
                .get("work_item_id").asText();
        assertThat(api.patch("/api/followups/" + b, Map.of("agent_id", "agent-s", "status", "in_progress")).status())
                .isEqualTo(200);

        JsonNode answer = processed(hooks.send("pull_request", WebhookPayloads.synchronize(REPO, 110)));
        assertThat(answer.get("pr_number").asInt()).isEqualTo(110);
        assertThat(answer.get("resolved_work_item_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(a, b);
        for (String id : new String[] {a, b}) {
            JsonNode item = followup(id);
            assertThat(item.get("status").asText()).isEqualTo("done");
            assertThat(item.has("done_at")).isTrue();
            JsonNode history = item.get("status_history");
            assertThat(history.get(history.size() - 1).get("note").asText())
                    .isEqualTo("Resolved by new commit pushed to PR branch");
        }
        assertThat(api.get("/api/followups?pr_number=110").json().get("followups")).isEmpty();
        assertThat(followup(other).get("status").asText()).isEqualTo("queued");
        assertThat(db.events("followup.done")).anyMatch(e -> e.get("work_item_id").asText().equals(a));
        JsonNode again = processed(hooks.send("pull_request", WebhookPayloads.synchronize(REPO, 110)));
        assertThat(again.get("resolved_work_item_ids")).isEmpty();
    }

    @Test
    void followupHistoryIsBoundedButSourceEventsNeverQueueTwice() {
        ObjectNode first = WebhookPayloads.reviewComment(REPO, 112, "first");
        for (ObjectNode payload : new ObjectNode[] {first, WebhookPayloads.reviewComment(REPO, 112, "second"),
                WebhookPayloads.reviewComment(REPO, 112, "third")}) {
            String id = processed(hooks.send("pull_request_review_comment", payload)).get("work_item_id").asText();
            Api.Answer dismissed = api.patch("/api/followups/" + id,
                    Map.of("agent_id", "agent-d", "status", "claimed"));
            assertThat(dismissed.status()).isEqualTo(200);
            api.patch("/api/followups/" + id, Map.of("agent_id", "agent-d", "status", "dismissed", "note", "no-op"));
        }
        assertThat(db.number("SELECT COUNT(*) FROM followups WHERE active = 0")).as("FOLLOWUP_MAX_ENTRIES=2")
                .isLessThanOrEqualTo(2);
        assertThat(ignoredReason(hooks.send("pull_request_review_comment", first)))
                .as("trimmed from history, still remembered").isEqualTo("duplicate_source_event");
    }

    @Test
    void formEncodedDeliveriesWork() {
        String json = Api.toJson(WebhookPayloads.changesRequested(REPO, 113, "form"));
        byte[] body = ("payload=" + java.net.URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Api.Answer answer = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-GitHub-Event", "pull_request_review")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", dev.issuecommand.webhooks.control.WebhookSignature.sign(body, SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(processed(answer).get("pr_number").asInt()).isEqualTo(113);
    }

    @Test
    void deliveriesAreAnsweredQuickly() {
        int count = 30;
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            ObjectNode payload = WebhookPayloads.reviewComment(REPO, 200 + i % 3, "latency " + i);
            long began = System.nanoTime();
            processed(hooks.send("pull_request_review_comment", payload));
            millis[i] = (System.nanoTime() - began) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        assertThat(api.get("/api/followups?repo=" + REPO + "&pr_number=200").json().get("followups"))
                .as("round trip over %d signed deliveries: median %d ms, max %d ms", count, millis[count / 2],
                        millis[count - 1])
                .hasSize(10);
    }
}
