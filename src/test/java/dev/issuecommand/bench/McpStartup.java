package dev.issuecommand.bench;

import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time from spawning {@code java -jar issuecommand.jar mcp} to its answers: initialize, tools/list, a first call. */
final class McpStartup {

    static final int SPAWNS = Integer.getInteger("bench.mcp.spawns", 5);
    private static final long ANSWER_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final long CALL_MILLIS = TimeUnit.SECONDS.toMillis(180);
    private static final long GONE_SECONDS = 60;
    private static final Pattern STARTED = Pattern.compile("\"event\":\"mcp.front.server_started\",\"pid\":\"(\\d+)\"");

    /** One spawn's times: initialize and the first call since spawn, tools/list since the initialize answer. */
    private record Spawn(long initialize, long toolsList, long firstCall) {
    }

    private McpStartup() {
    }

    /** Spawns fronts relaying to the server already running at {@code env}'s port. */
    static List<String[]> relayed(Map<String, String> env, Path dir) throws Exception {
        List<Spawn> spawns = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int n = 1; n <= SPAWNS; n++) {
            try (FrontProcess front = FrontProcess.spawn(env, dir.resolve("front-relayed-" + n + ".err"))) {
                spawns.add(session(front));
            } catch (Exception e) {
                failures.add(String.valueOf(e.getMessage()));
            }
        }
        return rows("relayed to a running server", spawns, failures);
    }

    /**
     * Spawns fronts with nothing listening at {@code env}'s port: each starts the background server; after its
     * first call that server is killed (its pid from the front's {@code mcp.front.server_started} line).
     */
    static List<String[]> cold(Map<String, String> env, Path dir, String situation, String tag) throws Exception {
        int port = Integer.parseInt(env.get("HTTP_PORT"));
        List<Spawn> spawns = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int n = 1; n <= SPAWNS; n++) {
            awaitPortFree(port);
            FrontProcess front = FrontProcess.spawn(env, dir.resolve("front-" + tag + "-" + n + ".err"));
            try {
                spawns.add(session(front));
            } catch (Exception e) {
                failures.add(String.valueOf(e.getMessage()));
            } finally {
                front.close();
                killBackgroundServer(front);
            }
        }
        awaitPortFree(port);
        return rows(situation, spawns, failures);
    }

    /** initialize at once, then notifications/initialized and tools/list, then one tools/call. */
    private static Spawn session(FrontProcess front) throws Exception {
        front.send(McpMessages.initialize(1));
        FrontProcess.Answer initialize = front.await(1, ANSWER_MILLIS);
        front.send(McpMessages.INITIALIZED);
        FrontProcess.Answer list = front.request(2, McpMessages.toolsList(2), ANSWER_MILLIS);
        FrontProcess.Answer call = front.request(3, McpMessages.call(3, "system_health", "{}"), CALL_MILLIS);
        if (!initialize.message().has("result") || list.message().path("result").path("tools").isEmpty()
                || !McpMessages.succeeded(call.message())) {
            throw new IllegalStateException("unexpected answers: " + initialize.message() + " / "
                    + list.message().path("result").path("tools").size() + " tools / " + call.message());
        }
        return new Spawn(front.sinceSpawnMillis(initialize),
                (list.arrivedNanos() - initialize.arrivedNanos()) / 1_000_000, front.sinceSpawnMillis(call));
    }

    private static void killBackgroundServer(FrontProcess front) throws Exception {
        Matcher started = STARTED.matcher(front.stderrText());
        if (!started.find()) {
            System.err.println("bench: no mcp.front.server_started in " + front.stderrFile());
            return;
        }
        ProcessHandle.of(Long.parseLong(started.group(1))).filter(McpStartup::isServerJar).ifPresent(server -> {
            server.destroyForcibly();
            try {
                server.onExit().get(GONE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("bench: background server " + server.pid() + " did not exit: " + e);
            }
        });
    }

    /** True when {@code process} still runs the jar: a pid freed by an ended server may belong to another process. */
    private static boolean isServerJar(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.contains(ServerProcess.jar().toString())).orElse(false);
    }

    /** Waits until nothing accepts connections on {@code port} (at most {@value #GONE_SECONDS} s). */
    private static void awaitPortFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GONE_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(100);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("port " + port + " still taken after " + GONE_SECONDS + " s");
    }

    private static List<String[]> rows(String situation, List<Spawn> spawns, List<String> failures) {
        String failed = failures.isEmpty() ? "" : ", " + failures.size() + " failed: " + failures.get(0);
        String of = " (" + spawns.size() + " spawns" + failed + ")";
        return List.of(
                new String[] {"MCP front: initialize after spawn, " + situation + " (median / max)",
                        medianMax(spawns.stream().mapToLong(Spawn::initialize).toArray()) + of, "-"},
                new String[] {"  tools/list answered after initialize",
                        medianMax(spawns.stream().mapToLong(Spawn::toolsList).toArray()), "-"},
                new String[] {"  first tools/call answered after spawn",
                        medianMax(spawns.stream().mapToLong(Spawn::firstCall).toArray()), "-"});
    }

    /** "median / max ms" of {@code millis}; the median of an even count is the lower middle. */
    private static String medianMax(long[] millis) {
        if (millis.length == 0) {
            return "-";
        }
        Arrays.sort(millis);
        return millis[(millis.length - 1) / 2] + " / " + millis[millis.length - 1] + " ms";
    }
}
