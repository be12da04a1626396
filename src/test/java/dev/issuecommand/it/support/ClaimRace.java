package dev.issuecommand.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;

/**
 * Agents racing to claim the same issues through one or more server processes, and the checks that exactly one of
 * them won each issue: the claim-contention tests share it.
 */
public final class ClaimRace {

    /** One outcome: the issue, the agent, the HTTP status, the refusal reason and the owner it names. */
    public record Attempt(int issue, String agent, int status, String reason, String owner) {
    }

    private ClaimRace() {
    }

    /**
     * {@code agents} threads ({@code racer-<n>}), spread over {@code apis} in turn, released together; agent
     * {@code a}'s {@code i}-th attempt claims issue {@code order(a, i) + 1} of {@code repo}, for i below {@code issues}.
     */
    public static List<Attempt> run(List<Api> apis, String repo, int agents, int issues, IntBinaryOperator order)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Attempt>>> futures = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agent = "racer-" + a;
            Api api = apis.get(a % apis.size());
            int racer = a;
            futures.add(pool.submit(() -> {
                go.await();
                List<Attempt> mine = new ArrayList<>();
                for (int i = 0; i < issues; i++) {
                    int issue = order.applyAsInt(racer, i) + 1;
                    Api.Answer answer = api.claim(agent, repo, issue);
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

    /**
     * Every attempt either won (at most one per issue) or was refused {@code 409 already_claimed} naming the winner;
     * {@code issues} issues were won. Returns the winner of each issue.
     */
    public static Map<Integer, String> assertOneWinnerPerIssue(List<Attempt> attempts, int issues) {
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
        assertThat(winners).hasSize(issues);
        for (Attempt attempt : attempts) {
            if (attempt.status() == 409) {
                assertThat(attempt.owner()).as("the refusal names the winner").isEqualTo(winners.get(attempt.issue()));
            }
        }
        return winners;
    }

    /** {@code api} lists exactly the winners' claims of {@code repo}. */
    public static void assertListed(Api api, String repo, Map<Integer, String> winners) {
        JsonNode claims = api.get("/api/claims?repo=" + repo).json().get("claims");
        assertThat(claims).hasSize(winners.size());
        for (JsonNode claim : claims) {
            assertThat(claim.get("agent_id").asText()).isEqualTo(winners.get(claim.get("issue_number").asInt()));
        }
    }
}
