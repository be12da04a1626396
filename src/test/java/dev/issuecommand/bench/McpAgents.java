package dev.issuecommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Many MCP agents, each with its own stdio front, calling one server at once: throughput, latency and RSS. */
final class McpAgents {

    static final int AGENTS = Integer.getInteger("bench.mcp.agents", 16);
    static final int CALLS = Integer.getInteger("bench.mcp.agentCalls", 200);
    static final String REPO = "bench/mcp";
    private static final int CYCLE = 4;
    private static final long CALL_MILLIS = 60_000;
    private static final long START_MILLIS = 180_000;
    private static final long RUN_MINUTES = 10;

    private McpAgents() {
    }

    /** Issues 1..this of {@link #REPO} must exist on the fake GitHub: one per claim cycle of each agent. */
    static int issuesNeeded() {
        return AGENTS * (CALLS / CYCLE + 1);
    }

    static List<String[]> measure(BenchServer server, Map<String, String> env, Path dir) throws Exception {
        List<FrontProcess> fronts = new ArrayList<>();
        try {
            long spawning = System.nanoTime();
            for (int a = 0; a < AGENTS; a++) {
                FrontProcess front = FrontProcess.spawn(env, dir.resolve("front-agent-" + a + ".err"));
                fronts.add(front);
                front.send(McpMessages.initialize(1));
            }
            long initialized = spawning;
            for (FrontProcess front : fronts) {
                initialized = Math.max(initialized, front.await(1, START_MILLIS).arrivedNanos());
                front.send(McpMessages.INITIALIZED);
                front.request(2, McpMessages.call(2, "system_health", "{}"), START_MILLIS);
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {AGENTS + " MCP fronts spawned at once: last initialize after",
                    (initialized - spawning) / 1_000_000 + " ms", "-"});
            rows.addAll(run(server, fronts));
            return rows;
        } finally {
            for (FrontProcess front : fronts) {
                front.close();
            }
        }
    }

    private static List<String[]> run(BenchServer server, List<FrontProcess> fronts) throws Exception {
        long[][] latencies = new long[AGENTS][CALLS];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(AGENTS);
        for (int a = 0; a < AGENTS; a++) {
            int agent = a;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    errors.addAndGet(agent(fronts.get(agent), agent, latencies[agent]));
                } catch (InterruptedException e) {
                    errors.addAndGet(CALLS);
                } finally {
                    done.countDown();
                }
            }, "bench-agent-" + a);
            thread.setDaemon(true);
            thread.start();
        }
        long start = System.nanoTime();
        go.countDown();
        boolean finished = done.await(RUN_MINUTES, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long frontsRss = 0;
        int gone = 0;
        for (FrontProcess front : fronts) {
            long rss = Rss.kilobytes(front.pid());
            frontsRss += Math.max(0, rss);
            gone += rss < 0 ? 1 : 0;
        }
        long serverRss = Rss.kilobytes(server.pid());
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(n -> n > 0).sorted().toArray();
        String label = AGENTS + " MCP fronts x " + CALLS + " calls, one server";
        return List.of(
                new String[] {label + ": wall, calls/s", String.format(Locale.ROOT, "%.1f s, %.0f calls/s (%d of %d "
                        + "answered, %d errors%s)", seconds, all.length / seconds, all.length, AGENTS * CALLS,
                        errors.get(), finished ? "" : ", stopped after " + RUN_MINUTES + " min"), "-"},
                new String[] {"  their call latency p50 / p99", Load.percentile(all, 0.50) + " / "
                        + Load.percentile(all, 0.99) + " ms", "-"},
                new String[] {"  RSS: " + AGENTS + " fronts / server / sum", Rss.megabytes(frontsRss) + " (avg "
                        + Rss.megabytes(frontsRss / AGENTS) + ") / " + Rss.megabytes(serverRss) + " / "
                        + Rss.megabytes(frontsRss + serverRss) + (gone == 0 ? "" : ", " + gone + " fronts gone"),
                        "-"});
    }

    /** One agent's calls; returns how many failed. */
    private static int agent(FrontProcess front, int agent, long[] latencies) {
        String agentId = "\"agent_id\":\"mcp-agent-" + agent + "\"";
        int errors = 0;
        String claimId = null;
        for (int i = 0; i < CALLS; i++) {
            long id = 10 + i;
            String message = switch (i % CYCLE) {
                case 0 -> McpMessages.call(id, "system_health", "{}");
                case 1 -> McpMessages.call(id, "get_all_claims", "{}");
                case 2 -> McpMessages.call(id, "claim_issue", "{" + agentId + ",\"repo\":\"" + REPO
                        + "\",\"issue_number\":" + (agent * (CALLS / CYCLE + 1) + i / CYCLE + 1) + "}");
                default -> claimId == null ? McpMessages.call(id, "system_health", "{}")
                        : McpMessages.call(id, "release_issue", "{\"claim_id\":\"" + claimId + "\"," + agentId + "}");
            };
            long start = System.nanoTime();
            JsonNode answer;
            try {
                answer = front.request(id, message, CALL_MILLIS).message();
            } catch (Exception e) {
                System.err.println("bench: agent " + agent + " stopped at call " + i + ": " + e.getMessage());
                return errors + CALLS - i;
            }
            latencies[i] = System.nanoTime() - start;
            boolean ok = McpMessages.succeeded(answer);
            if (i % CYCLE == 2) {
                JsonNode claim = McpMessages.payload(answer);
                ok = ok && claim.path("ok").asBoolean(false);
                claimId = ok ? claim.path("claim").path("claim_id").asText(null) : null;
            } else if (i % CYCLE == 3) {
                ok = ok && claimId != null && McpMessages.payload(answer).path("ok").asBoolean(false);
                claimId = null;
            }
            if (!ok) {
                errors++;
                if (errors == 1) {
                    System.err.println("bench: agent " + agent + " call " + i + " failed: " + answer);
                }
            }
        }
        return errors;
    }
}
