package dev.issuecommand.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of claim attempts: 16 agents spread over two server processes sharing one SQLite file each try all
 * 200 issues in their own order. Exactly one agent wins each issue, every other attempt is refused naming it,
 * and both processes then list the same winners.
 */
class ContentionAcrossProcessesIT {

    private static final String REPO = "race/big";
    private static final int ISSUES = 200;
    private static final int AGENTS = 16;

    @TempDir
    Path dir;

    /** One outcome: the issue, the agent, the HTTP status, the refusal reason and the owner it names. */
    private record Attempt(int issue, String agent, int status, String reason, String owner) {
    }

    @Test
    void sixteenAgentsOnTwoProcessesLeaveOneWinnerPerIssue() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, ISSUES);
            Path db = dir.resolve("contention.db");
            try (ServerProcess first = ServerProcess.create(github, db, Map.of()).start();
                    ServerProcess second = ServerProcess.create(github, db, Map.of()).start()) {
                long started = System.nanoTime();
                List<Attempt> attempts = race(List.of(first.api(), second.api()));
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(attempts).hasSize(AGENTS * ISSUES);
                Map<Integer, String> winners = new HashMap<>();
                for (Attempt attempt : attempts) {
                    if (attempt.status() == 200) {
                        assertThat(winners.putIfAbsent(attempt.issue(), attempt.agent()))
                                .as("issue %d won twice", attempt.issue()).isNull();
                    } else {
                        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(409);
                        assertThat(attempt.reason()).isEqualTo("already_claimed");
                    }
                }
                assertThat(winners).hasSize(ISSUES);
                for (Attempt attempt : attempts) {
                    if (attempt.status() == 409) {
                        assertThat(attempt.owner()).as("the refusal names the winner").isEqualTo(winners.get(attempt.issue()));
                    }
                }
                for (ServerProcess server : List.of(first, second)) {
                    JsonNode claims = server.api().get("/api/claims?repo=" + REPO).json().get("claims");
                    assertThat(claims).hasSize(ISSUES);
                    for (JsonNode claim : claims) {
                        assertThat(claim.get("agent_id").asText()).isEqualTo(winners.get(claim.get("issue_number").asInt()));
                    }
                }
                System.out.printf("contention across processes: %d attempts by %d agents on 2 processes in %.1f s "
                        + "(%.0f attempts/s), %d winners%n", attempts.size(), AGENTS, seconds, attempts.size() / seconds,
                        winners.size());
            }
        }
    }

    private static List<Attempt> race(List<Api> apis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Attempt>>> futures = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            String agent = "racer-" + a;
            Api api = apis.get(a % apis.size());
            int stride = a % 2 == 0 ? 1 : ISSUES - 1;
            int offset = a * 13;
            futures.add(pool.submit(() -> {
                go.await();
                List<Attempt> mine = new ArrayList<>();
                for (int i = 0; i < ISSUES; i++) {
                    int issue = Math.floorMod(offset + i * stride, ISSUES) + 1;
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
        try {
            for (Future<List<Attempt>> future : futures) {
                all.addAll(future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return all;
    }
}
