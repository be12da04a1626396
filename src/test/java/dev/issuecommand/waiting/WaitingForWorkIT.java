package dev.issuecommand.waiting;

import static dev.issuecommand.waiting.WaitingProbe.awaitWaiting;
import static dev.issuecommand.waiting.WaitingProbe.queueFollowup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code wait_seconds} on {@code POST /api/next-work} and {@code POST /api/next} over real HTTP (docs/behaviour.md
 * §18): a waiting call gets the work that appears while it waits — through this process or another one on the same
 * database — one item each, and the usual refusal when its wait ends empty. On the shared server; its repositories
 * ({@code acme/wait-*}) and agents ({@code waiting-*}) are its own. The calls wait far shorter than the client's 30 s
 * timeout; that an answer came from work appearing is read from the answer itself.
 */
@WithSharedServer
class WaitingForWorkIT {

    static TestServer shared;
    static Api api;
    static ExecutorService callers;

    @BeforeAll
    static void start(TestServer server) {
        shared = server;
        api = server.api();
        callers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        callers.shutdownNow();
    }

    private static CompletableFuture<Api.Answer> nextWorkLater(Api on, String agent, String repo, int waitSeconds) {
        return CompletableFuture.supplyAsync(() -> on.post("/api/next-work",
                Map.of("agent_id", agent, "repo", repo, "wait_seconds", waitSeconds)), callers);
    }

    @Test
    void aWaiterOnNextWorkGetsTheFollowupAWebhookQueuesWhileItWaits() {
        CompletableFuture<Api.Answer> waiting = nextWorkLater(api, "waiting-hook", "acme/wait-hook", 25);
        awaitWaiting(api, 1);
        assertThat(waiting).isNotDone();

        String queued = queueFollowup(api, "acme/wait-hook", 3);

        Api.Answer answer = waiting.join();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("kind").asText()).isEqualTo("pr_followup");
        assertThat(answer.json().get("work_item").get("work_item_id").asText()).isEqualTo(queued);
        assertThat(answer.json().get("work_item").get("claimed_by_agent_id").asText()).isEqualTo("waiting-hook");
        awaitWaiting(api, 0);
    }

    @Test
    void aWaiterOnNextGetsTheIssueAnotherAgentReleases() {
        shared.github().addIssue("acme/wait-release", 1, "The only issue");
        String claim = api.claimId("waiting-holder", "acme/wait-release", 1);
        CompletableFuture<Api.Answer> waiting = CompletableFuture.supplyAsync(() -> api.post("/api/next",
                Map.of("agent_id", "waiting-next", "repo", "acme/wait-release", "wait_seconds", 25)), callers);
        awaitWaiting(api, 1);

        assertThat(api.delete("/api/claims/" + claim, Map.of("agent_id", "waiting-holder")).status()).isEqualTo(200);

        Api.Answer answer = waiting.join();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("claim").get("agent_id").asText()).isEqualTo("waiting-next");
        assertThat(answer.json().get("claim").get("issue_number").asInt()).isEqualTo(1);
        assertThat(answer.json().get("issue").get("title").asText()).isEqualTo("The only issue");
    }

    @Test
    void aWaiterOnNextGetsAnIssueASyncFindsOnGitHub() {
        CompletableFuture<Api.Answer> waiting = CompletableFuture.supplyAsync(() -> api.post("/api/next",
                Map.of("agent_id", "waiting-sync", "repo", "acme/wait-sync", "wait_seconds", 25)), callers);
        awaitWaiting(api, 1);

        shared.github().addIssue("acme/wait-sync", 7, "Opened on GitHub, no webhook");
        assertThat(api.post("/api/sync", null).status()).isEqualTo(200);

        Api.Answer answer = waiting.join();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("claim").get("issue_number").asInt()).isEqualTo(7);
        assertThat(answer.json().get("claim").get("agent_id").asText()).isEqualTo("waiting-sync");
    }

    @Test
    void aWaitThatEndsEmptyAnswersTheUsualRefusal() {
        Api.Answer now = api.post("/api/next-work", Map.of("agent_id", "waiting-empty", "repo", "acme/wait-empty"));
        Api.Answer waited = api.post("/api/next-work",
                Map.of("agent_id", "waiting-empty", "repo", "acme/wait-empty", "wait_seconds", 1));
        assertThat(now.status()).as(now.text()).isEqualTo(409);
        assertThat(waited.status()).isEqualTo(409);
        assertThat(waited.json()).isEqualTo(now.json());
        assertThat(waited.json().get("reason").asText()).isEqualTo("invalid_issue");
        assertThat(waited.json().get("message").asText()).isEqualTo("No eligible unclaimed issues found");
    }

    @Test
    void waitSecondsOutsideZeroToSixtyIsABadRequestNamingItAsDocumented() {
        JsonNode field = api.getPublic("/openapi?format=JSON", null).json()
                .at("/components/schemas/NextRequest/properties/wait_seconds");
        assertThat(field.path("minimum").asInt(-1)).isZero();
        assertThat(field.path("maximum").asInt()).isEqualTo(60);

        for (String route : List.of("/api/next-work", "/api/next")) {
            for (Object bad : List.of(61, -1, "5", 2.5)) {
                Api.Answer answer = api.post(route, Map.of("agent_id", "waiting-bad", "wait_seconds", bad));
                assertThat(answer.status()).as(route + " " + bad).isEqualTo(400);
                assertThat(answer.json().get("detail").asText()).isEqualTo("Missing or invalid field: wait_seconds");
            }
        }
    }

    @Test
    void onePrincipalMayHaveTwentyWaitingCallsAndTheNextIsRefused() {
        List<CompletableFuture<Api.Answer>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(nextWorkLater(api, "waiting-cap-" + i, "acme/wait-cap", 25));
        }
        awaitWaiting(api, 20);

        Api.Answer refused = api.post("/api/next-work",
                Map.of("agent_id", "waiting-cap-20", "repo", "acme/wait-cap", "wait_seconds", 25));
        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json().get("error").asText()).isEqualTo("too_many_waiters");
        assertThat(refused.json().get("detail").asText()).contains("20").contains("WAIT_MAX_PER_PRINCIPAL");

        Set<String> queued = new HashSet<>();
        for (int pr = 1; pr <= 20; pr++) {
            queued.add(queueFollowup(api, "acme/wait-cap", pr));
        }
        assertThat(waiting.stream().map(CompletableFuture::join).map(answer -> answer.json().path("work_item")
                .path("work_item_id").asText())).as("each waiter one of the new follow-ups")
                .containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void tenWaitersOnTwoProcessesGetTenItemsQueuedThroughTheOtherOneItemEachAndAStopAnswersTheRest() throws Exception {
        try (ServerProcess other = shared.anotherProcess()) {
            Api there = other.api();
            List<CompletableFuture<Api.Answer>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(nextWorkLater(i % 2 == 0 ? api : there, "waiting-many-" + i, "acme/wait-many", 25));
            }
            awaitWaiting(api, 5);
            awaitWaiting(there, 5);

            Set<String> queued = new HashSet<>();
            for (int pr = 1; pr <= 10; pr++) {
                queued.add(queueFollowup(there, "acme/wait-many", pr));
            }

            List<JsonNode> answers = waiting.stream().map(CompletableFuture::join).map(Api.Answer::json).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.path("kind").asText()).as(answer.toString())
                    .isEqualTo("pr_followup"));
            assertThat(answers.stream().map(answer -> answer.get("work_item").get("work_item_id").asText()))
                    .as("ten waiters, ten follow-ups, one each").containsExactlyInAnyOrderElementsOf(queued);
            assertThat(answers.stream().map(answer -> answer.get("work_item").get("claimed_by_agent_id").asText()))
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> "waiting-many-" + i).toList());

            // a stopping server answers its waiting calls at once: a 60 s wait outlasts the client's 30 s timeout
            CompletableFuture<Api.Answer> cut = nextWorkLater(there, "waiting-stop", "acme/wait-many", 60);
            awaitWaiting(there, 1);
            other.stop();
            Api.Answer nothing = cut.join();
            assertThat(nothing.status()).as(nothing.text()).isEqualTo(409);
            assertThat(nothing.json().get("reason").asText()).isEqualTo("invalid_issue");
            assertThat(nothing.json().get("message").asText()).isEqualTo("No eligible unclaimed issues found");
        }
    }
}
