package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The MCP front rows: relayed start-up, call latency and many agents on one server, then cold start-ups. */
final class McpRows {

    /** Minutes a cold row's background server waits idle before it stops, should the benchmark fail to kill it. */
    private static final String IDLE_EXIT_MINUTES = "2";
    private static final int BUSY_LOOPS = 2;

    private McpRows() {
    }

    /** Adds the issues the agents claim to {@code github}. */
    static void addIssues(FakeGitHub github) {
        github.addIssues(McpAgents.REPO, 1, McpAgents.issuesNeeded());
    }

    /** Measures every MCP row; adds what was used (JVM options, load averages) to {@code notes}. */
    static List<String[]> measure(FakeGitHub github, Path work, Map<String, String> settings, List<String> notes)
            throws Exception {
        String options = FrontProcess.javaOptions();
        notes.add("MCP fronts: java [BENCH_FRONT_JAVA_OPTS] -jar issuecommand.jar mcp; BENCH_FRONT_JAVA_OPTS: "
                + (options.isEmpty() ? "none" : options));
        String serverOptions = System.getenv("SERVER_JAVA_OPTIONS");
        notes.add("background server of the cold rows: SERVER_JAVA_OPTIONS " + (serverOptions == null
                || serverOptions.isBlank() ? "unset (the front's default small footprint)" : "= " + serverOptions)
                + "; server of the other MCP rows: BENCH_JAVA_OPTS " + System.getenv().getOrDefault("BENCH_JAVA_OPTS",
                "").trim().transform(text -> text.isEmpty() ? "none" : "= " + text));
        List<String[]> rows = new ArrayList<>();
        Path relayed = Files.createDirectories(work.resolve("mcp-relayed"));
        BenchServer server = BenchServer.start(github, relayed.resolve("bench.db"), settings);
        try {
            Map<String, String> env = environment(github, relayed.resolve("bench.db"), server.port(), settings);
            notes.add("load average at the relayed start-up rows: " + load());
            rows.addAll(McpStartup.relayed(env, relayed));
            notes.add("load average at the call latency rows: " + load());
            rows.addAll(McpCallLatency.measure(server, env, relayed));
            notes.add("load average at the agents rows: " + load());
            rows.addAll(McpAgents.measure(server, env, relayed));
        } finally {
            server.stop();
        }
        Path cold = Files.createDirectories(work.resolve("mcp-cold"));
        Map<String, String> coldSettings = new HashMap<>(settings);
        coldSettings.put("IDLE_EXIT_MINUTES", IDLE_EXIT_MINUTES);
        Map<String, String> env = environment(github, cold.resolve("issuecommand.db"), ServerProcess.freePort(),
                coldSettings);
        notes.add("load average at the cold start-up rows: " + load());
        rows.addAll(McpStartup.cold(env, cold, "cold", "cold"));
        try (CpuHogs hogs = CpuHogs.start(BUSY_LOOPS)) {
            notes.add("load average at the cold rows beside " + hogs.count() + " busy loops: " + load());
            rows.addAll(McpStartup.cold(env, cold, "cold, " + hogs.count() + " busy loops", "cold-busy"));
        }
        return rows;
    }

    private static Map<String, String> environment(FakeGitHub github, Path db, int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        BenchServer.configure(env, github, db, port, extra);
        return env;
    }

    /** The load averages, and the threads runnable right now (the averages lag behind the rows before). */
    private static String load() {
        double[] load = Load.loadAverage();
        String runnable;
        try {
            runnable = Files.readString(Path.of("/proc/loadavg")).split(" ")[3].split("/")[0];
        } catch (IOException | RuntimeException e) {
            runnable = "?";
        }
        return String.format(Locale.ROOT, "%.2f %.2f %.2f, runnable now %s", load[0], load[1], load[2], runnable);
    }
}
