package dev.issuecommand.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.StoredRows;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The follow-up routes and next-work over real HTTP: transitions, ownership, priority order, the claim holder first.
 * On the shared server: its repositories ({@code acme/own}, {@code acme/order}, {@code acme/nw*}) and agents
 * ({@code followups-*}) are its own.
 */
@WithSharedServer
class FollowupsIT {

    static Api api;
    static WebhookSender hooks;
    static StoredRows db;

    @BeforeAll
    static void start(TestServer shared) {
        shared.github().addIssue("acme/nw1", 1, "Only issue of nw1");
        shared.github().addIssue("acme/nw3", 5, "The issue behind PR 7");
        api = shared.api();
        hooks = new WebhookSender(api, "/api/webhooks/github", WithSharedServer.WEBHOOK_SECRET);
        db = shared.storedRows();
    }

    private static String queue(String event, ObjectNode payload) {
        Api.Answer answer = hooks.send(event, payload);
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json().get("work_item_id").asText();
    }

    private static String changesRequested(String repo, int pr) {
        return queue("pull_request_review", WebhookPayloads.changesRequested(repo, pr, "changes on " + pr));
    }

    private static String reviewComment(String repo, int pr) {
        return queue("pull_request_review_comment", WebhookPayloads.reviewComment(repo, pr, "review comment on " + pr));
    }

    private static String prComment(String repo, int pr) {
        return queue("issue_comment", WebhookPayloads.prComment(repo, pr, "comment on " + pr));
    }

    private static Api.Answer patch(String id, String agent, String status, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agent, "status", status));
        if (note != null) {
            body.put("note", note);
        }
        return api.patch("/api/followups/" + id, body);
    }

    private static JsonNode nextWork(String agent, String repo) {
        Api.Answer answer = api.post("/api/next-work", Map.of("agent_id", agent, "repo", repo));
        return answer.json();
    }

    @Test
    void transitionsAndOwnershipAreEnforced() {
        String id = reviewComment("acme/own", 1);
        Api.Answer unclaimedDone = patch(id, "followups-a", "done", null);
        assertThat(unclaimedDone.status()).isEqualTo(409);
        assertThat(unclaimedDone.json().get("reason").asText()).isEqualTo("invalid_transition");
        assertThat(unclaimedDone.json().get("ok").asBoolean()).isFalse();

        Api.Answer started = patch(id, "followups-a", "in_progress", "on it");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(started.json().get("ok").asBoolean()).isTrue();
        JsonNode item = started.json().get("work_item");
        assertThat(item.get("status").asText()).isEqualTo("in_progress");
        assertThat(item.get("claimed_by_agent_id").asText()).isEqualTo("followups-a");
        assertThat(item.has("claimed_at")).isTrue();
        assertThat(item.get("status_history").get(1).get("note").asText()).isEqualTo("on it");

        Api.Answer intruder = patch(id, "followups-b", "done", null);
        assertThat(intruder.status()).isEqualTo(409);
        assertThat(intruder.json().get("reason").asText()).isEqualTo("agent_mismatch");
        assertThat(intruder.json().get("owner_agent_id").asText()).isEqualTo("followups-a");

        Api.Answer backwards = patch(id, "followups-a", "claimed", null);
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(backwards.json().get("reason").asText()).isEqualTo("invalid_transition");
        assertThat(backwards.json().get("message").asText()).contains("in_progress").contains("claimed");

        assertThat(patch(id, "followups-a", "in_progress", null).json().get("idempotent").asBoolean()).isTrue();
        Api.Answer bogus = patch(id, "followups-a", "finished", null);
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("detail").asText()).isEqualTo("Invalid follow-up status: finished");
        assertThat(api.patch("/api/followups/" + id, Map.of("status", "done")).json().get("detail").asText())
                .isEqualTo("Missing or invalid field: agent_id");

        JsonNode mine = api.get("/api/my-work?agent_id=followups-a").json().get("work");
        assertThat(mine.get("followups")).extracting(f -> f.get("work_item_id").asText()).containsExactly(id);
        assertThat(mine.get("claims")).isEmpty();

        Api.Answer dismissed = patch(id, "followups-a", "dismissed", "reviewer withdrew the comment");
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.json().get("work_item").get("dismiss_reason").asText()).isEqualTo("reviewer withdrew the comment");
        assertThat(api.get("/api/followups?repo=acme/own").json().get("followups")).as("active only").isEmpty();
        assertThat(api.get("/api/my-work?agent_id=followups-a").json().get("work").get("followups")).isEmpty();
        Api.Answer ended = patch(id, "followups-a", "in_progress", null);
        assertThat(ended.status()).isEqualTo(404);
        assertThat(ended.json().get("reason").asText()).isEqualTo("work_item_not_found");
        Api.Answer unknown = patch("no-such-item", "followups-a", "claimed", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asText()).isEqualTo("work_item_not_found");

        assertThat(db.events("followup.claimed")).anyMatch(e -> e.get("work_item_id").asText().equals(id)
                && e.get("agent_id").asText().equals("followups-a"));
        assertThat(db.events("followup.dismissed")).anyMatch(e -> e.get("work_item_id").asText().equals(id));
    }

    @Test
    void doneSetsDoneAt() {
        String id = prComment("acme/own", 2);
        assertThat(patch(id, "followups-c", "claimed", null).json().get("work_item").get("status").asText()).isEqualTo("claimed");
        JsonNode done = patch(id, "followups-c", "done", "fixed").json().get("work_item");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.has("done_at")).isTrue();
        assertThat(done.get("status_history")).extracting(h -> h.get("status").asText())
                .containsExactly("queued", "claimed", "done");
        assertThat(db.events("followup.done")).anyMatch(e -> e.get("work_item_id").asText().equals(id));
    }

    @Test
    void listIsInPriorityOrderAndFilters() throws InterruptedException {
        String comment = prComment("acme/order", 1);
        String review = reviewComment("acme/order", 2);
        String changes = changesRequested("acme/order", 3);
        String olderChanges = changes;
        // on purpose: the newer item is queued at a later time than the older one
        Thread.sleep(5);
        String newerChanges = changesRequested("acme/order", 1);
        JsonNode list = api.get("/api/followups?repo=ACME/order").json().get("followups");
        assertThat(list).extracting(f -> f.get("work_item_id").asText())
                .containsExactly(olderChanges, newerChanges, review, comment);
        assertThat(api.get("/api/followups?repo=acme/order&pr_number=1").json().get("followups"))
                .extracting(f -> f.get("work_item_id").asText()).containsExactly(newerChanges, comment);
        patch(review, "followups-o", "claimed", null);
        assertThat(api.get("/api/followups?claimed_by_agent_id=followups-o").json().get("followups"))
                .extracting(f -> f.get("work_item_id").asText()).containsExactly(review);
        assertThat(api.get("/api/followups?repo=acme/order&status=claimed").json().get("followups"))
                .extracting(f -> f.get("work_item_id").asText()).containsExactly(review);
        assertThat(api.get("/api/followups?status=nope").json().get("detail").asText())
                .isEqualTo("Invalid follow-up status: nope");
        assertThat(api.get("/api/followups?pr_number=x").json().get("detail").asText())
                .isEqualTo("Missing or invalid field: pr_number");
        assertThat(api.get("/api/followups?repo=bad").status()).isEqualTo(400);
    }

    @Test
    void nextWorkPrefersFollowupsThenIssues() {
        prComment("acme/nw1", 10);
        String changes = changesRequested("acme/nw1", 11);
        JsonNode first = nextWork("followups-n", "acme/nw1");
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.get("kind").asText()).isEqualTo("pr_followup");
        JsonNode item = first.get("work_item");
        assertThat(item.get("work_item_id").asText()).as("review_changes_requested first").isEqualTo(changes);
        assertThat(item.get("status").asText()).isEqualTo("claimed");
        assertThat(item.get("claimed_by_agent_id").asText()).isEqualTo("followups-n");
        assertThat(nextWork("followups-n", "acme/nw1").get("work_item").get("source_event_type").asText())
                .isEqualTo("pr_comment");

        JsonNode issue = nextWork("followups-n", "acme/nw1");
        assertThat(issue.get("kind").asText()).isEqualTo("issue");
        assertThat(issue.get("claim").get("issue_number").asInt()).isEqualTo(1);
        assertThat(issue.get("claim").get("agent_id").asText()).isEqualTo("followups-n");
        assertThat(issue.get("issue").get("number").asInt()).isEqualTo(1);

        Api.Answer nothing = api.post("/api/next-work", Map.of("agent_id", "followups-n", "repo", "acme/nw1"));
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("reason").asText()).isEqualTo("invalid_issue");
        assertThat(api.post("/api/next-work", Map.of("repo", "acme/nw1")).json().get("detail").asText())
                .isEqualTo("Missing or invalid field: agent_id");
    }

    @Test
    void aFollowupOnAClaimedPullRequestGoesToTheClaimHolderFirst() {
        String claimId = api.claimId("followups-holder", "acme/nw3", 5);
        api.patch("/api/claims/" + claimId, Map.of("agent_id", "followups-holder", "status", "in_progress"));
        Api.Answer submitted = api.patch("/api/claims/" + claimId, Map.of("agent_id", "followups-holder",
                "status", "pr_submitted", "pr_url", "https://github.com/acme/nw3/pull/7"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);

        String reserved = changesRequested("acme/nw3", 7);
        String free = prComment("acme/nw3", 8);
        JsonNode other = nextWork("followups-someone-else", "acme/nw3");
        assertThat(other.get("work_item").get("work_item_id").asText())
                .as("the higher-priority item is reserved for the holder").isEqualTo(free);
        Api.Answer skipped = api.post("/api/next-work",
                Map.of("agent_id", "followups-someone-else", "repo", "acme/nw3"));
        assertThat(skipped.status()).as(skipped.text()).isEqualTo(409);

        String ownComment = reviewComment("acme/nw3", 7);
        String freeChanges = changesRequested("acme/nw3", 9);
        JsonNode holder = nextWork("followups-holder", "acme/nw3");
        assertThat(holder.get("work_item").get("work_item_id").asText()).isEqualTo(reserved);
        JsonNode holderAgain = nextWork("followups-holder", "acme/nw3");
        assertThat(holderAgain.get("work_item").get("work_item_id").asText())
                .as("its own PR before a higher-priority item elsewhere").isEqualTo(ownComment);
        assertThat(nextWork("followups-holder", "acme/nw3").get("work_item").get("work_item_id").asText())
                .isEqualTo(freeChanges);
    }
}
