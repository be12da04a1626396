package dev.issuecommand.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Sequential {@code system_health} calls through one stdio front and over Streamable HTTP, and the front's RSS. */
final class McpCallLatency {

    static final int CALLS = Integer.getInteger("bench.mcp.calls", 500);
    static final int WARMUP = Integer.getInteger("bench.mcp.warmupCalls", 200);
    private static final String TOOL = "system_health";
    private static final long CALL_MILLIS = 30_000;

    /** Sorted latencies of the measured calls and the count of failed answers. */
    private record Calls(long[] nanos, int errors) {
        String row() {
            return "p50 " + Load.percentile(nanos, 0.50) + " / p99 " + Load.percentile(nanos, 0.99) + " ms ("
                    + nanos.length + " calls, " + errors + " errors)";
        }
    }

    /** An MCP call that returns whether it succeeded. */
    private interface Call {
        boolean run(long id) throws Exception;
    }

    private McpCallLatency() {
    }

    static List<String[]> measure(BenchServer server, Map<String, String> env, Path dir) throws Exception {
        Calls stdio;
        long frontRss;
        try (FrontProcess front = FrontProcess.spawn(env, dir.resolve("front-latency.err"))) {
            front.request(1, McpMessages.initialize(1), CALL_MILLIS);
            front.send(McpMessages.INITIALIZED);
            stdio = run(id -> McpMessages.succeeded(
                    front.request(id, McpMessages.call(id, TOOL, "{}"), CALL_MILLIS).message()));
            frontRss = Rss.kilobytes(front.pid());
        }
        Calls http;
        try (McpHttpSession session = McpHttpSession.open(server.port())) {
            http = run(id -> McpMessages.succeeded(session.request(id, McpMessages.call(id, TOOL, "{}"))));
        }
        return List.of(
                new String[] {"MCP " + TOOL + " via one stdio front (relay), p50 / p99", stdio.row(), "-"},
                new String[] {"MCP " + TOOL + " via Streamable HTTP, p50 / p99", http.row(), "-"},
                new String[] {"RSS of that relaying front after its calls (VmRSS)", Rss.megabytes(frontRss), "-"});
    }

    /** {@link #WARMUP} calls, then {@link #CALLS} timed ones, one after the other. */
    private static Calls run(Call call) throws Exception {
        long id = 100;
        for (int i = 0; i < WARMUP; i++) {
            call.run(id++);
        }
        long[] nanos = new long[CALLS];
        int errors = 0;
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            boolean ok = call.run(id++);
            nanos[i] = System.nanoTime() - start;
            if (!ok) {
                errors++;
            }
        }
        Arrays.sort(nanos);
        return new Calls(nanos, errors);
    }
}
