package dev.issuecommand.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar as an MCP client spawns it ({@code java -jar issuecommand.jar [args]}), driven with raw JSON-RPC lines:
 * the test writes requests to its stdin and reads each stdout line, so it can also do what a well-behaved client
 * never does (die, close stdin in the middle of a call). Background servers the front started are killed on close.
 */
public final class FrontProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("\"event\":\"mcp.front.server_started\",\"pid\":\"(\\d+)\"");

    private final Process process;
    private final Path stderr;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<String> rawLines = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);

    private FrontProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readStdout, "front-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Spawns {@code command} (the jar's command line, or a wrapper around it) in {@code dir} with {@code env}. */
    public static FrontProcess spawn(Path dir, String name, Map<String, String> env, List<String> command) throws IOException {
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("SERVER_JAVA_OPTIONS", ServerProcess.TEST_SERVER_JAVA_OPTIONS);
        builder.environment().put("WLP_JAR_EXTRACT_ROOT",
                Files.createDirectories(Path.of("target", "wlp-extract").toAbsolutePath()).toString());
        return new FrontProcess(builder.start(), err);
    }

    /** {@code java -jar issuecommand.jar args…}. */
    public static List<String> jar(String... args) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin(), "-jar", ServerProcess.jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Sends {@code initialize} and {@code notifications/initialized}; returns the answer. */
    public JsonNode initialize() throws Exception {
        int id = send("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "front-it", "version", "1")));
        JsonNode answer = answer(id, 30);
        write(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        return answer;
    }

    /** Sends a {@code tools/call}; returns its id. */
    public int call(String tool, Map<String, Object> arguments) throws IOException {
        return send("tools/call", Map.of("name", tool, "arguments", arguments));
    }

    int send(String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        write(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        return id;
    }

    private void write(Map<String, Object> message) throws IOException {
        stdin.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The answer to request {@code id}, waiting up to {@code seconds}; other lines read meanwhile are dropped. */
    public JsonNode answer(int id, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.path("id").asInt(-1) == id) {
                return line;
            }
        }
        throw new AssertionError("no answer to request " + id + " within " + seconds + " s; stderr:\n" + stderr());
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    /** The exit code once the process has ended within {@code seconds}, or empty. */
    Optional<Integer> exit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Every stdout line so far. */
    List<String> stdoutLines() {
        synchronized (rawLines) {
            return List.copyOf(rawLines);
        }
    }

    /** Pids of the background servers this front reported starting. */
    List<Long> startedServers() {
        List<Long> pids = new ArrayList<>();
        Matcher matcher = STARTED.matcher(stderr());
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }

    long pid() {
        return process.pid();
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (rawLines) {
                    rawLines.add(line);
                }
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    lines.add(JSON.createObjectNode().put("unparsable", line));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (long pid : startedServers()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
