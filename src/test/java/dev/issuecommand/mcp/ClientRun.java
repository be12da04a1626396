package dev.issuecommand.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MCP session against the real jar, driven by the official MCP TypeScript SDK client ({@code drive.mjs} in
 * {@code src/test/mcp-client}, installed by the build). The client spawns {@code relay.mjs}, a plain byte pipe to a
 * socket of this test; the test spawns {@code java -jar target/issuecommand.jar} itself and joins the two. So the
 * client talks to the jar's real stdin/stdout while the test keeps every stdout byte, sees when the client closes
 * stdin, and gets the jar's exit code and how long it took to exit.
 */
final class ClientRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened: the client's report, the jar's raw stdout and stderr, and the measured times. */
    record Outcome(JsonNode report, byte[] stdout, String stderr, String clientStderr, int clientExit,
            Integer jarExit, long firstAnswerMs, long exitAfterStdinClosedMs) {

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private ClientRun() {
    }

    /** A fresh folder under {@code target/mcp-it} for one run's database, logs and client report (kept for CI). */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", "mcp-it", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** The settings a test server gets (as {@link ServerProcess} sets them), plus {@code extra}. */
    static Map<String, String> environment(FakeGitHub github, Path db, int httpPort, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("API_KEY", ServerProcess.API_KEY);
        env.put("GITHUB_TOKEN", ServerProcess.GITHUB_TOKEN);
        env.put("GITHUB_API_URL", github == null ? "http://127.0.0.1:9" : github.url());
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("SQLITE_PATH", db.toString());
        env.put("RATE_LIMIT_ENABLED", "false");
        env.put("SYNC_INTERVAL_MINUTES", "0");
        env.put("SERVER_JAVA_OPTIONS", ServerProcess.TEST_SERVER_JAVA_OPTIONS);
        env.putAll(extra);
        return env;
    }

    /** Runs {@code scenario} of {@code drive.mjs} (with {@code params}) against a jar started with {@code env}. */
    static Outcome run(Path dir, Map<String, String> env, String scenario, Map<String, Object> params)
            throws Exception {
        return run(dir, env, scenario, params, List.of());
    }

    /**
     * Runs {@code scenario} against the Streamable HTTP endpoint at {@code url} with the test's API key; the outcome
     * has no jar output (no jar is spawned).
     */
    static Outcome runHttp(Path dir, String url, String scenario, Map<String, Object> params) throws Exception {
        Path clientDir = clientDir();
        Map<String, Object> config = new HashMap<>(params);
        config.put("scenario", scenario);
        config.put("url", url);
        config.put("headers", Map.of("Authorization", "Bearer " + ServerProcess.API_KEY));
        Path configFile = dir.resolve("client-http-" + scenario + ".json");
        JSON.writeValue(configFile.toFile(), config);
        Path clientOut = dir.resolve("client-http-" + scenario + ".out");
        Path clientErr = dir.resolve("client-http-" + scenario + ".err");
        Process client = new ProcessBuilder("node", clientDir.resolve("drive.mjs").toString(), configFile.toString())
                .directory(clientDir.toFile()).redirectOutput(clientOut.toFile()).redirectError(clientErr.toFile())
                .start();
        boolean done = client.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            client.destroyForcibly();
        }
        JsonNode report = Files.size(clientOut) == 0 ? JSON.createObjectNode() : JSON.readTree(Files.readString(clientOut));
        return new Outcome(report, new byte[0], "", Files.readString(clientErr), done ? client.exitValue() : -1, null,
                -1, -1);
    }

    private static Path clientDir() {
        return Path.of(System.getProperty("mcp.client.dir", "target/mcp-client")).toAbsolutePath();
    }

    /** As {@link #run(Path, Map, String, Map)}, with {@code jarArgs} after {@code -jar issuecommand.jar}. */
    static Outcome run(Path dir, Map<String, String> env, String scenario, Map<String, Object> params,
            List<String> jarArgs) throws Exception {
        Path clientDir = clientDir();
        try (ServerSocket relayEnd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            relayEnd.setSoTimeout(120_000);
            Map<String, Object> config = new HashMap<>(params);
            config.put("scenario", scenario);
            config.put("command", "node");
            config.put("args", List.of(clientDir.resolve("relay.mjs").toString(), String.valueOf(relayEnd.getLocalPort())));
            Path configFile = dir.resolve("client-" + scenario + ".json");
            JSON.writeValue(configFile.toFile(), config);
            Path clientOut = dir.resolve("client-" + scenario + ".out");
            Path clientErr = dir.resolve("client-" + scenario + ".err");
            Process client = new ProcessBuilder("node", clientDir.resolve("drive.mjs").toString(), configFile.toString())
                    .directory(clientDir.toFile())
                    .redirectOutput(clientOut.toFile())
                    .redirectError(clientErr.toFile())
                    .start();
            try (Socket relay = relayEnd.accept()) {
                return joined(dir, env, scenario, client, relay, clientOut, clientErr, jarArgs);
            } finally {
                client.destroyForcibly();
            }
        }
    }

    private static Outcome joined(Path dir, Map<String, String> env, String scenario, Process client, Socket relay,
            Path clientOut, Path clientErr, List<String> jarArgs) throws Exception {
        Path jarErr = dir.resolve("jar-" + scenario + ".err");
        Path extractRoot = Files.createDirectories(Path.of("target", "wlp-extract").toAbsolutePath());
        List<String> command = new java.util.ArrayList<>(List.of(ServerProcess.javaBin()));
        command.addAll(ServerProcess.TEST_JVM_OPTIONS);
        command.addAll(List.of("-jar", ServerProcess.jar().toString()));
        command.addAll(jarArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(jarErr.toFile());
        builder.environment().putAll(env);
        builder.environment().put("WLP_JAR_EXTRACT_ROOT", extractRoot.toString());
        long spawned = System.nanoTime();
        Process jar = builder.start();
        AtomicLong firstByte = new AtomicLong();
        AtomicLong stdinClosed = new AtomicLong();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread toJar = pump("client->jar", relay.getInputStream(), jar.getOutputStream(), null, null,
                () -> stdinClosed.compareAndSet(0, System.nanoTime()));
        Thread fromJar = pump("jar->client", jar.getInputStream(), relay.getOutputStream(), stdout, firstByte,
                () -> shutdownOutput(relay));
        try {
            boolean clientDone = client.waitFor(8, TimeUnit.MINUTES);
            toJar.join(TimeUnit.SECONDS.toMillis(30));
            boolean jarDone = jar.waitFor(90, TimeUnit.SECONDS);
            long exited = System.nanoTime();
            fromJar.join(TimeUnit.SECONDS.toMillis(10));
            JsonNode report = Files.size(clientOut) == 0 ? JSON.createObjectNode()
                    : JSON.readTree(Files.readString(clientOut));
            return new Outcome(report, stdout.toByteArray(), Files.readString(jarErr), Files.readString(clientErr),
                    clientDone ? client.exitValue() : -1, jarDone ? jar.exitValue() : null,
                    firstByte.get() == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstByte.get() - spawned),
                    stdinClosed.get() == 0 || !jarDone ? -1 : TimeUnit.NANOSECONDS.toMillis(exited - stdinClosed.get()));
        } finally {
            if (jar.isAlive()) {
                jar.destroyForcibly();
                jar.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Copies {@code in} to {@code out} (and {@code copy}) until the end, then runs {@code atEnd} and closes {@code out}. */
    private static Thread pump(String name, InputStream in, OutputStream out, ByteArrayOutputStream copy,
            AtomicLong firstByte, Runnable atEnd) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            boolean outOpen = true;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (firstByte != null) {
                        firstByte.compareAndSet(0, System.nanoTime());
                    }
                    if (copy != null) {
                        synchronized (copy) {
                            copy.write(buffer, 0, n);
                        }
                    }
                    if (outOpen) {
                        try {
                            out.write(buffer, 0, n);
                            out.flush();
                        } catch (IOException e) {
                            outOpen = false;
                        }
                    }
                }
            } catch (IOException e) {
                // the stream ended abruptly: treated as its end
            }
            atEnd.run();
            try {
                out.close();
            } catch (IOException e) {
                // already closed by the other side
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void shutdownOutput(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // the relay is gone already
        }
    }
}
