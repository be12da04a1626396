package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import dev.issuecommand.webhooks.control.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark (not part of {@code verify}; run with {@code bench/run.sh}): starts the real jar against the fake
 * GitHub on loopback, drives it with 8 keep-alive connections and prints a table of throughput, latency, SSE
 * fan-out latency, start-up time (HTTP and MCP) and memory, then the rows of the MCP stdio front ({@link McpRows}).
 * {@code -Dbench.only=server} or {@code mcp} runs one of the two parts, {@code writes} only the write rows in
 * alternating rounds ({@link WriteRounds}). Numbers are printed, never asserted.
 */
public final class Benchmark {

    static final String SECRET = "bench-webhook-secret";
    static final String REPO = "bench/repo";
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 20);
    static final int ACTIVE_CLAIMS = 300;
    static final String MUTATION_REPO = "bench/mutations";
    static final String FIRST_CLAIMS_REPO = "bench/first-claims";
    static final int FIRST_CLAIMS_ISSUES = 20_000;
    static final int MUTATION_ISSUES = 20_000;
    static final int STATUS_CHANGES = 20;
    static final String FIRST_START = "first start to ready (unpacks the runtime)";
    static final String RSS = "RSS after load (VmRSS, with child processes)";
    static final Map<String, String> SETTINGS = Map.of(
            "GITHUB_WEBHOOK_SECRET", SECRET, "RATE_LIMIT_ENABLED", "false", "SYNC_INTERVAL_MINUTES", "0");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "").trim();
        if (!only.isEmpty() && !List.of("server", "mcp", "postgres", "writes").contains(only)) {
            System.err.println("bench: unknown BENCH_ONLY=" + only
                    + " (empty for all rows, server, mcp, postgres or writes)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("issuecommand-bench");
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("WLP_JAR_EXTRACT_ROOT", work.resolve("runtime").toString());
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> compared = Map.of();
        String compareCommand = System.getProperty("bench.compare", "").trim();
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, ACTIVE_CLAIMS + CONNECTIONS + SseLatency.EVENTS);
            github.addIssues(MUTATION_REPO, 1, MUTATION_ISSUES);
            github.addIssues(FIRST_CLAIMS_REPO, 1, FIRST_CLAIMS_ISSUES);
            McpRows.addIssues(github);
            if (only.equals("postgres")) {
                rows.addAll(PostgresRows.measure(github, work, settings));
            } else if (only.equals("writes")) {
                compared = new HashMap<>();
                rows.addAll(WriteRounds.measure(github, work, settings, compareCommand,
                        Integer.getInteger("bench.rounds", 2), compared));
                if (!compareCommand.isEmpty()) {
                    notes.add("compared with BENCH_COMPARE: " + compareCommand);
                }
            } else if (!only.equals("mcp")) {
                rows.addAll(serverRows(github, work, settings));
                if (!compareCommand.isEmpty()) {
                    compared = ComparedServer.measure(github, work, settings, compareCommand);
                    notes.add("compared with BENCH_COMPARE: " + compareCommand);
                }
            }
            if (only.isEmpty() || only.equals("mcp")) {
                rows.addAll(McpRows.measure(github, work, settings, notes));
            }
        }
        print(rows, compared, notes);
    }

    /** Start-up, throughput, latency, SSE and memory of the server, and the first MCP initialize of a server jar. */
    private static List<String[]> serverRows(FakeGitHub github, Path work, Map<String, String> settings)
            throws Exception {
        List<String[]> rows = new ArrayList<>();
        BenchServer server = BenchServer.start(github, work.resolve("bench.db"), settings);
        String[] rss;
        try {
            rows.add(new String[] {FIRST_START, ms(server.readyMillis()), "<= 10 s"});
            rows.addAll(firstClaims(server));
            rows.addAll(mutations(server));
            rows.addAll(webhooks(server));
            rows.addAll(reads(server));
            rows.addAll(readScaling(server));
            rows.add(new String[] {"SSE delivery latency, " + SseLatency.SUBSCRIBERS + " subscribers",
                    SseLatency.measure(server, ACTIVE_CLAIMS + CONNECTIONS + 1), "-"});
            rss = new String[] {RSS, server.rssMegabytes() + " MB", "<= 450 MB"};
        } finally {
            server.stop();
        }
        BenchServer restarted = BenchServer.start(github, work.resolve("bench.db"), settings);
        restarted.stop();
        rows.add(new String[] {"restart to ready (unpacked runtime reused)", ms(restarted.readyMillis()), "<= 8 s"});
        rows.add(new String[] {"first MCP initialize answered after spawn (reused)",
                McpInitializeTiming.measure(github, work.resolve("mcp.db"), settings), "-"});
        rows.add(rss);
        return rows;
    }

    /**
     * Right after the server is ready, with no warm-up: one client claims issue after issue ({@code POST /api/claims},
     * each a GitHub lookup on the fake and a write), one request at a time, as an agent fleet does at start.
     */
    static List<String[]> firstClaims(BenchServer server) throws Exception {
        AtomicInteger nextIssue = new AtomicInteger(1);
        List<String> claimIds = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Result result = Load.run(server, 1, 0, SECONDS, (client, c, i) -> {
            KeepAliveClient.Reply reply = client.send("POST", "/api/claims", "", json("{\"agent_id\":\"bench-first\","
                    + "\"repo\":\"" + FIRST_CLAIMS_REPO + "\",\"issue_number\":" + nextIssue.getAndIncrement() + "}"));
            if (reply.status() / 100 == 2) {
                claimIds.add(field(reply.text(), "claim_id"));
            }
            return reply.status();
        });
        // Released afterwards (not timed), so that the read rows list the same 300 claims whatever this row reached.
        try (KeepAliveClient client = server.client()) {
            for (String claimId : claimIds) {
                client.send("DELETE", "/api/claims/" + claimId, "", json("{\"agent_id\":\"bench-first\"}"));
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"sequential claims/s right after start (1 client, no warm-up)",
                result.perSecond() + " (p50 " + result.p50() + " / p99 " + result.p99() + " ms)", ">= original"});
        return rows;
    }

    /**
     * Each connection runs claim lifecycles: claim an issue, {@value #STATUS_CHANGES} status changes
     * (in_progress and stale in turn, both valid transitions), release; every one of those requests counts. A claim's
     * status history (returned with every answer) so stays as short as a real one instead of growing all run long.
     */
    static List<String[]> mutations(BenchServer server) throws Exception {
        return mutations(List.of(server));
    }

    /** The mutation row with the connections spread over {@code servers} (instances sharing one database). */
    static List<String[]> mutations(List<BenchServer> servers) throws Exception {
        AtomicInteger nextIssue = new AtomicInteger(1);
        String[] claimIds = new String[CONNECTIONS];
        int cycle = STATUS_CHANGES + 2;
        Load.Result result = Load.run(servers, CONNECTIONS, WARMUP_SECONDS, SECONDS, (client, c, i) -> {
            String agent = "{\"agent_id\":\"bench-" + c + "\"";
            long step = i % cycle;
            if (step == 0) {
                KeepAliveClient.Reply reply = client.send("POST", "/api/claims", "", json(agent + ",\"repo\":\""
                        + MUTATION_REPO + "\",\"issue_number\":" + nextIssue.getAndIncrement() + "}"));
                if (reply.status() / 100 == 2) {
                    claimIds[c] = field(reply.text(), "claim_id");
                }
                return reply.status();
            }
            if (step == cycle - 1) {
                return client.send("DELETE", "/api/claims/" + claimIds[c], "", json(agent + "}")).status();
            }
            String status = step % 2 == 1 ? "in_progress" : "stale";
            return client.send("PATCH", "/api/claims/" + claimIds[c], "",
                    json(agent + ",\"status\":\"" + status + "\"}")).status();
        });
        return List.of(
                new String[] {"status mutations/s (claim, " + STATUS_CHANGES + " PATCHes, release; 8 conn.)",
                        result.perSecond(), ">= original"},
                new String[] {"status mutation latency p50 / p99", result.p50() + " / " + result.p99() + " ms",
                        "p99 <= original"});
    }

    /** Unique signed deliveries, each a changes-requested review on its own pull request: one follow-up each. */
    static List<String[]> webhooks(BenchServer server) throws Exception {
        int prepared = 60_000;
        byte[] template = WebhookSender.bytes(WebhookPayloads.changesRequested(REPO, 1, "Please rename the helper."));
        String text = new String(template, StandardCharsets.UTF_8);
        Load.Result result = Load.run(server, CONNECTIONS, WARMUP_SECONDS, SECONDS, (client, c, i) -> {
            long n = (long) c * prepared + i + 1;
            byte[] body = text.replaceFirst("\"id\":\\d+", "\"id\":" + (9_000_000_000L + n))
                    .replace("\"number\":1,", "\"number\":" + (100_000 + n) + ",")
                    .getBytes(StandardCharsets.UTF_8);
            String headers = "X-GitHub-Event: pull_request_review\r\nX-GitHub-Delivery: bench-" + n + "\r\n"
                    + "X-Hub-Signature-256: " + WebhookSignature.sign(body, SECRET) + "\r\n";
            KeepAliveClient.Reply reply = client.send("POST", "/api/webhooks/github", headers, body);
            return reply.status() == 202 && reply.text().contains("\"work_item_id\"") ? 202 : 500 + reply.status();
        });
        return List.of(
                new String[] {"webhook deliveries/s (each queues a follow-up)", result.perSecond(), ">= 2x original"},
                new String[] {"webhook latency p50 / p99", result.p50() + " / " + result.p99() + " ms", "p99 < 30 ms"});
    }

    /** {@code GET /api/claims} with 300 (plus the 8 mutation) active claims. */
    static List<String[]> reads(BenchServer server) throws Exception {
        try (KeepAliveClient client = server.client()) {
            for (int issue = 1; issue <= ACTIVE_CLAIMS; issue++) {
                client.send("POST", "/api/claims", "", json("{\"agent_id\":\"reader-" + (issue % 10) + "\",\"repo\":\""
                        + REPO + "\",\"issue_number\":" + issue + "}"));
            }
            String listed = client.send("GET", "/api/claims", "", null).text();
            int count = listed.split("\"claim_id\"", -1).length - 1;
            System.err.println("bench: GET /api/claims lists " + count + " claims, " + listed.length() + " bytes");
        }
        Load.Result result = Load.run(server, CONNECTIONS, WARMUP_SECONDS, SECONDS, (client, c, i) ->
                client.send("GET", "/api/claims", "", null).status());
        return List.of(
                new String[] {"reads/s of GET /api/claims (300+ active claims)", result.perSecond(), ">= 10x original"},
                new String[] {"read latency p50 / p99", result.p50() + " / " + result.p99() + " ms", "p99 < 30 ms"});
    }

    /**
     * Cheap reads polled from many places, at one and at {@value #CONNECTIONS} keep-alive connections: the health
     * numbers, the readiness check and the kept claim list (with the claims of the rows before). More connections must
     * not mean fewer answers per second.
     */
    static List<String[]> readScaling(BenchServer server) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String route : List.of("/api/health", "/health/ready", "/api/claims")) {
            Load.Result one = Load.run(server, 1, WARMUP_SECONDS / 4, SECONDS, (client, c, i) ->
                    client.send("GET", route, "", null).status());
            Load.Result many = Load.run(server, CONNECTIONS, WARMUP_SECONDS / 4, SECONDS, (client, c, i) ->
                    client.send("GET", route, "", null).status());
            rows.add(new String[] {"GET " + route + ", 1 / " + CONNECTIONS + " connections",
                    one.perSecond().replaceFirst(" \\(.*", "") + " / " + many.perSecond().replaceFirst(" \\(.*", "")
                            + " (p99 " + one.p99() + " / " + many.p99() + " ms, " + (one.errors() + many.errors())
                            + " errors)", "8 conn. >= 1 conn."});
        }
        return rows;
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String ms(long millis) {
        return millis + " ms";
    }

    private static void print(List<String[]> rows, Map<String, String> compared, List<String> notes) {
        double[] load = Load.loadAverage();
        System.out.printf(Locale.ROOT, "%nIssueCommand benchmark, %d cores, %s, JDK %s, load average before/after: %s%n",
                Runtime.getRuntime().availableProcessors(), java.time.Instant.now().toString().substring(0, 16) + "Z",
                System.getProperty("java.version"), Load.loadBefore() + " / " + String.format(Locale.ROOT, "%.2f", load[0]));
        List<String[]> table = new ArrayList<>();
        table.add(compared.isEmpty() ? new String[] {"measure", "result", "target"}
                : new String[] {"measure", "result", "compared server", "ratio", "target"});
        for (String[] row : rows) {
            String other = compared.get(row[0]);
            table.add(compared.isEmpty() ? row : new String[] {row[0], row[1], other == null ? "" : other,
                    other == null ? "" : ComparedServer.ratio(row[1], other), row[2]});
        }
        int columns = table.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : table) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        System.out.println();
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < columns; c++) {
                line.append(' ').append(String.format("%-" + widths[c] + "s", table.get(r)[c])).append(" |");
            }
            System.out.println(line);
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append("-".repeat(width + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
        if (!notes.isEmpty()) {
            System.out.println();
            notes.forEach(note -> System.out.println("- " + note));
        }
    }
}
