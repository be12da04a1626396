package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.TwoInstances;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
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
 * One of two instances on PostgreSQL killed with {@code kill -9} while agents claim through it (docs/behaviour.md
 * §12): the agents go on through the other instance, which has every claim the dead one acknowledged.
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
}
