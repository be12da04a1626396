package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * PostgreSQL restarted while two agents keep claiming through one instance (docs/behaviour.md §12): requests during
 * the outage answer {@code 503 database_unavailable} with {@code Retry-After}, never a 500; the pool recovers by
 * itself; every claim that was acknowledged is still there afterwards, and no issue has two active claims.
 */
class DatabaseRestartIT {

    private static final String REPO = "acme/restart";
    private static final int ISSUES = 2_000;
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    @Test
    void claimsSurviveADatabaseRestartAndTheOutageAnswers503() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-servers")), "restart-");
        int port = ServerProcess.freePort();
        EmbeddedPostgres database = postgres(dir, port);
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE restart");
        }
        try (FakeGitHub github = new FakeGitHub();
                ServerProcess server = ServerProcess.create(github, dir.resolve("unused.db"),
                        Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + port + "/restart",
                                "RATE_LIMIT_ENABLED", "false")).start()) {
            github.addIssues(REPO, 1, ISSUES);
            Api api = server.api();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger grantedAfterRestart = new AtomicInteger();
            AtomicBoolean restarted = new AtomicBoolean();
            List<Thread> agents = new ArrayList<>();
            for (String agent : List.of("agent-1", "agent-2")) {
                Thread thread = new Thread(() -> {
                    while (running.get() && next.get() < ISSUES) {
                        Api.Answer answer = api.claim(agent, REPO, next.incrementAndGet());
                        if (answer.status() == 200) {
                            acknowledged.add(answer.json().get("claim").get("claim_id").asText());
                            if (restarted.get()) {
                                grantedAfterRestart.incrementAndGet();
                            }
                        } else if (answer.status() == 503 && "database_unavailable".equals(answer.json().path("error")
                                .asText()) && answer.raw().headers().firstValue("Retry-After").isPresent()) {
                            unavailable.incrementAndGet();
                        } else {
                            unexpected.add(answer.status() + " " + answer.text());
                        }
                    }
                }, agent);
                thread.start();
                agents.add(thread);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            database.close();
            Thread.sleep(OUTAGE.toMillis()); // on purpose: the database stays down this long
            database = postgres(dir, port);
            restarted.set(true);
            await().atMost(Duration.ofSeconds(90)).until(() -> grantedAfterRestart.get() >= 20);
            running.set(false);
            for (Thread agent : agents) {
                agent.join(60_000);
            }

            assertThat(unexpected).as("every answer is a claim or a 503 with Retry-After").isEmpty();
            assertThat(unavailable.get()).as("requests during the outage").isPositive();
            List<String> listed = new ArrayList<>();
            api.get("/api/claims?repo=" + REPO).json().get("claims")
                    .forEach(claim -> listed.add(claim.get("claim_id").asText()));
            assertThat(listed).as("no acknowledged claim is lost").containsAll(acknowledged);
            Set<Integer> issues = new HashSet<>();
            api.get("/api/claims?repo=" + REPO).json().get("claims")
                    .forEach(claim -> assertThat(issues.add(claim.get("issue_number").asInt()))
                            .as("one active claim per issue").isTrue());
            assertThat(server.stderrText()).contains("database.unavailable");
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgres postgres(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false)
                .setPort(port).start();
    }
}
