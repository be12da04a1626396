package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.Postgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL rows ({@code BENCH_ONLY=postgres}): the data in an embedded PostgreSQL 14 on this machine
 * ({@link Postgres}), one instance and then two on one database: status mutations (the connections spread over the
 * instances), SSE delivery with {@code LISTEN/NOTIFY}, and {@value #AGENTS} agents asking {@code next_work} at the
 * same moment, half on each instance, over {@value #ISSUES} open issues.
 */
final class PostgresRows {

    static final int AGENTS = 32;
    static final int ISSUES = 200;
    private static final String NEXT_WORK_REPO = "bench/next-work";
    private static final Pattern ISSUE_NUMBER = Pattern.compile("\"issue_number\":(\\d+)");

    private PostgresRows() {
    }

    static List<String[]> measure(FakeGitHub github, Path work, Map<String, String> settings) throws Exception {
        github.addIssues(NEXT_WORK_REPO, 1, ISSUES);
        List<String[]> rows = new ArrayList<>();
        BenchServer single = BenchServer.start(github, work.resolve("pg-1.db"), onNewDatabase(settings));
        try {
            rows.addAll(named("1 instance on PostgreSQL", Benchmark.mutations(single)));
            rows.add(new String[] {"SSE delivery latency, " + SseLatency.SUBSCRIBERS + " subscribers, PostgreSQL",
                    SseLatency.measure(single, 1), "-"});
        } finally {
            single.stop();
        }
        Map<String, String> shared = onNewDatabase(settings);
        BenchServer a = BenchServer.start(github, work.resolve("pg-a.db"), shared);
        try {
            BenchServer b = BenchServer.start(github, work.resolve("pg-b.db"), shared);
            try {
                rows.addAll(named("2 instances on one PostgreSQL", Benchmark.mutations(List.of(a, b))));
                rows.add(nextWorkRace(List.of(a, b)));
            } finally {
                b.stop();
            }
        } finally {
            a.stop();
        }
        return rows;
    }

    private static Map<String, String> onNewDatabase(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("DATABASE_URL", Postgres.newDatabaseUrl());
        return env;
    }

    private static List<String[]> named(String where, List<String[]> rows) {
        return rows.stream().map(row -> new String[] {row[0] + ", " + where, row[1], "-"}).toList();
    }

    /** All agents ask at once; the time until the last has its answer, and how many issues were handed out twice. */
    private static String[] nextWorkRace(List<BenchServer> servers) throws Exception {
        CountDownLatch ready = new CountDownLatch(AGENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> issues = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> agents = new ArrayList<>();
        for (int agent = 0; agent < AGENTS; agent++) {
            BenchServer server = servers.get(agent % servers.size());
            String body = "{\"agent_id\":\"worker-" + agent + "\",\"repo\":\"" + NEXT_WORK_REPO + "\"}";
            Thread thread = new Thread(() -> {
                try (KeepAliveClient client = server.client()) {
                    client.send("GET", "/api/health", "", null);
                    ready.countDown();
                    go.await();
                    KeepAliveClient.Reply reply = client.send("POST", "/api/next-work", "", Benchmark.json(body));
                    Matcher number = ISSUE_NUMBER.matcher(reply.text());
                    if (reply.status() == 200 && number.find()) {
                        issues.add(Integer.parseInt(number.group(1)));
                    } else {
                        failures.add(reply.status() + " " + reply.text());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }, "next-work-" + agent);
            thread.start();
            agents.add(thread);
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread agent : agents) {
            agent.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Set<Integer> distinct = new HashSet<>(issues);
        return new String[] {AGENTS + " agents ask next_work at once, 2 instances, " + ISSUES + " issues",
                millis + " ms until all answered; " + issues.size() + " got work, " + (issues.size() - distinct.size())
                        + " duplicates, " + failures.size() + " errors",
                "duplicates = 0"};
    }
}
