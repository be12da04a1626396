package dev.issuecommand.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed load (claims, status changes, signed webhook deliveries that queue follow-ups) with the server killed by
 * SIGKILL in the middle of it. After the restart every acknowledged write is there, a claim's status is its last
 * acknowledged one (or the one whose answer the crash cut off), redelivered webhooks queue nothing twice, and
 * claims stay exclusive.
 */
class CrashUnderLoadIT {

    private static final String REPO = "crash/mixed";
    private static final String SECRET = "crash-webhook-secret";
    private static final String HOOK = "/api/webhooks/github";
    private static final int WORKERS = 8;
    private static final int ISSUES_PER_WORKER = 40;
    private static final int KILL_AFTER_ACKS = 400;

    @TempDir
    Path dir;

    /** A claim's last acknowledged status and the status of a change whose answer never came. */
    private record ClaimState(String claimId, String agent, int issue, String acked, String pending) {
    }

    /** An acknowledged (202, queued) delivery, kept to be redelivered after the restart. */
    private record Delivery(String id, byte[] body, int pr, String workItemId) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineUnderLoad() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, WORKERS * ISSUES_PER_WORKER);
            ServerProcess server = ServerProcess.create(github, dir.resolve("crash-mixed.db"), Map.of(
                    "GITHUB_WEBHOOK_SECRET", SECRET, "ALLOWED_REPOS", REPO)).start();
            Map<String, ClaimState> claims = new ConcurrentHashMap<>();
            Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
            Map<String, Delivery> unanswered = new ConcurrentHashMap<>();
            AtomicInteger acks = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    futures.add(pool.submit(() -> load(server.api(), worker, claims, deliveries, unanswered, acks)));
                }
                try {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                            .until(() -> acks.get() >= KILL_AFTER_ACKS);
                } catch (ConditionTimeoutException e) {
                    // fewer acknowledged writes within 90 s: the kill comes anyway, on what was acknowledged
                }
                server.kill();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(claims).as(() -> "no write acknowledged; server log:\n" + tail(server)).isNotEmpty();
            assertThat(deliveries).isNotEmpty();

            server.start();
            try {
                Api api = server.api();
                for (ClaimState state : claims.values()) {
                    Api.Answer answer = api.get("/api/claims/" + state.claimId());
                    assertThat(answer.status()).as("acknowledged claim %s", state).isEqualTo(200);
                    JsonNode claim = answer.json().get("claim");
                    assertThat(claim.get("agent_id").asText()).isEqualTo(state.agent());
                    assertThat(claim.get("issue_number").asInt()).isEqualTo(state.issue());
                    Set<String> allowed = state.pending() == null ? Set.of(state.acked())
                            : Set.of(state.acked(), state.pending());
                    assertThat(claim.get("status").asText()).as("status of %s", state).isIn(allowed);
                }
                WebhookSender hooks = new WebhookSender(api, HOOK, SECRET);
                for (Delivery delivery : deliveries.values()) {
                    Api.Answer item = api.get("/api/followups/" + delivery.workItemId());
                    assertThat(item.status()).as("follow-up of acknowledged delivery %s", delivery.id()).isEqualTo(200);
                    assertThat(item.json().get("work_item").get("pr_number").asInt()).isEqualTo(delivery.pr());
                }
                List<Delivery> redeliver = new ArrayList<>(deliveries.values());
                redeliver.addAll(unanswered.values());
                for (Delivery delivery : redeliver) {
                    Api.Answer again = hooks.send("pull_request_review", delivery.id(), delivery.body());
                    if (delivery.workItemId() != null) {
                        assertThat(again.status()).as("redelivery of an acknowledged delivery: %s", again.text()).isEqualTo(200);
                        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
                    } else {
                        assertThat(again.status()).as("redelivery of an unanswered delivery: %s", again.text()).isIn(200, 202);
                    }
                    JsonNode followups = api.get("/api/followups?repo=" + REPO + "&pr_number=" + delivery.pr())
                            .json().get("followups");
                    assertThat(followups).as("one follow-up for PR %d", delivery.pr()).hasSize(1);
                    if (delivery.workItemId() != null) {
                        assertThat(followups.get(0).get("work_item_id").asText()).isEqualTo(delivery.workItemId());
                    }
                }
                JsonNode active = api.get("/api/claims?repo=" + REPO).json().get("claims");
                Map<Integer, String> owners = new ConcurrentHashMap<>();
                for (JsonNode claim : active) {
                    assertThat(owners.put(claim.get("issue_number").asInt(), claim.get("agent_id").asText()))
                            .as("issue %d held twice", claim.get("issue_number").asInt()).isNull();
                }
                for (ClaimState state : claims.values()) {
                    Api.Answer steal = api.claim("thief", REPO, state.issue());
                    assertThat(steal.status()).as("issue %d stays exclusive", state.issue()).isEqualTo(409);
                    assertThat(steal.json().get("owner_agent_id").asText()).isEqualTo(state.agent());
                }
                assertThat(server.stdoutText()).isEmpty();
            } finally {
                server.close();
            }
        }
    }

    private static String tail(ServerProcess server) {
        try {
            List<String> lines = server.stderrText().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** One worker: claims its own issues one by one, moves each through statuses, and sends a webhook per issue. */
    private static void load(Api api, int worker, Map<String, ClaimState> claims, Map<String, Delivery> deliveries,
            Map<String, Delivery> unanswered, AtomicInteger acks) {
        String agent = "worker-" + worker;
        WebhookSender hooks = new WebhookSender(api, HOOK, SECRET);
        String[] cycle = {"in_progress", "stale", "in_progress", "stale"};
        try {
            for (int i = 0; i < ISSUES_PER_WORKER; i++) {
                int issue = worker * ISSUES_PER_WORKER + i + 1;
                Api.Answer claimed = api.claim(agent, REPO, issue);
                assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
                String claimId = claimed.json().get("claim").get("claim_id").asText();
                claims.put(claimId, new ClaimState(claimId, agent, issue, "claimed", null));
                acks.incrementAndGet();
                for (String status : cycle) {
                    ClaimState before = claims.get(claimId);
                    claims.put(claimId, new ClaimState(claimId, agent, issue, before.acked(), status));
                    Api.Answer moved = api.patch("/api/claims/" + claimId, Map.of("agent_id", agent, "status", status));
                    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
                    claims.put(claimId, new ClaimState(claimId, agent, issue, status, null));
                    acks.incrementAndGet();
                }
                int pr = 10_000 + issue;
                byte[] body = WebhookSender.bytes(WebhookPayloads.changesRequested(REPO, pr, "Fix issue " + issue));
                String id = "crash-" + worker + "-" + i;
                unanswered.put(id, new Delivery(id, body, pr, null));
                Api.Answer hook = hooks.send("pull_request_review", id, body);
                assertThat(hook.status()).as(hook.text()).isEqualTo(202);
                assertThat(hook.json().get("processed").asBoolean()).as(hook.text()).isTrue();
                deliveries.put(id, new Delivery(id, body, pr, hook.json().get("work_item_id").asText()));
                unanswered.remove(id);
                acks.incrementAndGet();
            }
        } catch (java.io.UncheckedIOException e) {
            // the server was killed: the request in flight got no answer, and this worker stops
        }
    }
}
