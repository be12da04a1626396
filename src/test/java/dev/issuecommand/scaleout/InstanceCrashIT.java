package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TwoInstances;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One of two instances on PostgreSQL killed with {@code kill -9} (docs/behaviour.md §12, §13): the agents claiming
 * through it go on through the other instance, which has every claim the dead one acknowledged; and when the dead one
 * was the instance running the stale sweep, the other runs the next rounds.
 */
class InstanceCrashIT {

    private static final String REPO = "acme/crash";
    private static final int ISSUES = 2_000;

    @Test
    void theOtherInstanceHasEveryAcknowledgedClaimAfterAKill9() throws Exception {
        try (TwoInstances servers = TwoInstances.start(Map.of("RATE_LIMIT_ENABLED", "false"))) {
            servers.github.addIssues(REPO, 1, ISSUES);
            Api first = servers.a.api();
            Api second = servers.b.api();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean killed = new AtomicBoolean();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger afterKill = new AtomicInteger();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            List<Thread> agents = new ArrayList<>();
            for (String agent : List.of("agent-1", "agent-2", "agent-3")) {
                Thread thread = new Thread(() -> {
                    Api api = first;
                    while (running.get() && next.get() < ISSUES) {
                        Api.Answer answer;
                        try {
                            answer = api.claim(agent, REPO, next.incrementAndGet());
                        } catch (UncheckedIOException e) {
                            api = second; // the instance went away: go on through the other one, as a load balancer would
                            continue;
                        }
                        if (answer.status() == 200) {
                            acknowledged.add(answer.json().get("claim").get("claim_id").asText());
                            if (killed.get()) {
                                afterKill.incrementAndGet();
                            }
                        } else {
                            unexpected.add(answer.status() + " " + answer.text());
                        }
                    }
                }, agent);
                thread.start();
                agents.add(thread);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30);
            servers.a.kill();
            killed.set(true);
            await().atMost(Duration.ofSeconds(60)).until(() -> afterKill.get() >= 30);
            running.set(false);
            for (Thread agent : agents) {
                agent.join(60_000);
            }

            assertThat(unexpected).as("every answer is a granted claim").isEmpty();
            List<String> listed = new ArrayList<>();
            Set<Integer> issues = new HashSet<>();
            second.get("/api/claims?repo=" + REPO).json().get("claims").forEach(claim -> {
                listed.add(claim.get("claim_id").asText());
                assertThat(issues.add(claim.get("issue_number").asInt())).as("one active claim per issue").isTrue();
            });
            assertThat(listed).as("no acknowledged claim is lost").containsAll(acknowledged);
        }
    }

    @Test
    void theStaleSweepGoesOnOnTheOtherInstanceWhenTheOneRunningItIsKilled() throws Exception {
        try (TwoInstances servers = TwoInstances.start(Map.of("CLAIM_TIMEOUT_MINUTES", "0.05"))) {
            servers.github.addIssues(REPO, 1, 2);
            String before = servers.a.api().claimId("agent-before", REPO, 1);
            awaitStale(servers.b.api(), before);
            ServerProcess sweeper = sweptOn(servers.a) ? servers.a : servers.b;
            ServerProcess survivor = sweeper == servers.a ? servers.b : servers.a;
            assertThat(sweptOn(sweeper)).as("the instance that marked the first claim stale says so").isTrue();
            assertThat(sweptOn(survivor)).as("only one instance ran that round").isFalse();

            sweeper.kill();
            String after = survivor.api().claimId("agent-after", REPO, 2);
            awaitStale(survivor.api(), after);
            assertThat(sweptOn(survivor)).as("the survivor ran the round that marked the second claim").isTrue();
        }
    }

    private static void awaitStale(Api api, String claimId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> api.get("/api/claims/" + claimId).json().path("claim").path("status").asText(), "stale"::equals);
    }

    private static boolean sweptOn(ServerProcess server) throws IOException {
        return server.stderrText().lines().anyMatch(line -> line.contains("\"event\":\"claims.stale_sweep\"")
                && line.contains("\"stale_marked\":1"));
    }
}
