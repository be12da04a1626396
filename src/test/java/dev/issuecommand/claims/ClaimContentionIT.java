package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exclusivity under contention: many threads, and two server processes sharing one SQLite file, race for the
 * same issues. Exactly one agent wins each issue; every other attempt is {@code 409 already_claimed}.
 */
class ClaimContentionIT {

    private static final String REPO = "race/track";

    @TempDir
    Path dir;

    /** One outcome: the issue, the agent, the HTTP status and the reason or the winning claim id. */
    private record Attempt(int issue, String agent, int status, String reason, String owner) {
    }

    @Test
    void twentyFourThreadsRacingForTwentyIssuesLeaveOneWinnerEach() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 20);
            try (ServerProcess server = ServerProcess.create(github, dir.resolve("threads.db"), Map.of()).start()) {
                List<Attempt> attempts = withLogs(() -> race(List.of(server.api()), 24, 20), server);
                assertOneWinnerPerIssue(attempts, 24, server.api());
            }
        }
    }

    @Test
    void twoProcessesOnOneDatabaseLeaveOneWinnerEach() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 20);
            Path db = dir.resolve("shared.db");
            try (ServerProcess first = ServerProcess.create(github, db, Map.of()).start();
                    ServerProcess second = ServerProcess.create(github, db, Map.of()).start()) {
                List<Attempt> attempts = withLogs(() -> race(List.of(first.api(), second.api()), 16, 20), first, second);
                assertOneWinnerPerIssue(attempts, 16, first.api());
                assertThat(first.api().get("/api/claims").json().get("claims"))
                        .hasSameSizeAs(second.api().get("/api/claims").json().get("claims"));
            }
        }
    }

    /** Runs the race; if it fails, the servers' logs go with the failure. */
    private static List<Attempt> withLogs(java.util.concurrent.Callable<List<Attempt>> race, ServerProcess... servers)
            throws Exception {
        try {
            return race.call();
        } catch (Exception e) {
            StringBuilder logs = new StringBuilder();
            for (ServerProcess server : servers) {
                String text = server.stderrText();
                logs.append("\n--- server stderr (tail) ---\n").append(text.substring(Math.max(0, text.length() - 6000)));
            }
            throw new AssertionError("race failed" + logs, e);
        }
    }

    /** {@code agents} threads, spread over {@code apis}, each trying every issue in its own order. */
    private static List<Attempt> race(List<Api> apis, int agents, int issues) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Attempt>>> futures = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agent = "racer-" + a;
            Api api = apis.get(a % apis.size());
            int offset = a;
            futures.add(pool.submit(() -> {
                go.await();
                List<Attempt> mine = new ArrayList<>();
                for (int i = 0; i < issues; i++) {
                    int issue = (i + offset) % issues + 1;
                    Api.Answer answer = api.post("/api/claims", Map.of("agent_id", agent, "repo", REPO, "issue_number", issue));
                    JsonNode json = answer.json();
                    mine.add(new Attempt(issue, agent, answer.status(), json.path("reason").asText(null),
                            answer.status() == 200 ? json.get("claim").get("agent_id").asText()
                                    : json.path("owner_agent_id").asText(null)));
                }
                return mine;
            }));
        }
        go.countDown();
        List<Attempt> all = new ArrayList<>();
        for (Future<List<Attempt>> future : futures) {
            all.addAll(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return all;
    }

    private static void assertOneWinnerPerIssue(List<Attempt> attempts, int agents, Api api) {
        assertThat(attempts).hasSize(agents * 20);
        Map<Integer, String> winners = new ConcurrentHashMap<>();
        for (Attempt attempt : attempts) {
            if (attempt.status() == 200) {
                String previous = winners.putIfAbsent(attempt.issue(), attempt.agent());
                assertThat(previous).as("issue %d won twice", attempt.issue()).isNull();
            } else {
                assertThat(attempt.status()).as(attempt.toString()).isEqualTo(409);
                assertThat(attempt.reason()).isEqualTo("already_claimed");
            }
        }
        assertThat(winners).hasSize(20);
        for (Attempt attempt : attempts) {
            if (attempt.status() == 409) {
                assertThat(attempt.owner()).as("the refusal names the winner").isEqualTo(winners.get(attempt.issue()));
            }
        }
        JsonNode claims = api.get("/api/claims?repo=" + REPO).json().get("claims");
        assertThat(claims).hasSize(20);
        for (JsonNode claim : claims) {
            assertThat(claim.get("agent_id").asText()).isEqualTo(winners.get(claim.get("issue_number").asInt()));
        }
        System.out.printf("contention: %d attempts by %d agents, %d winners%n", attempts.size(), agents, winners.size());
    }
}
