package dev.issuecommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One {@code java -jar issuecommand.jar mcp} spawned and driven over stdin and stdout as an MCP client does. */
final class FrontProcess implements AutoCloseable {

    private static final long EXIT_SECONDS = 30;
    private static final Line END = new Line(null, 0);

    private final Process process;
    private final long spawnedNanos;
    private final Path stderr;
    private final OutputStream stdin;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    /** An answer and {@link System#nanoTime()} when its line was read. */
    record Answer(JsonNode message, long arrivedNanos) {
    }

    private record Line(String text, long nanos) {
    }

    private FrontProcess(Process process, long spawnedNanos, Path stderr) {
        this.process = process;
        this.spawnedNanos = spawnedNanos;
        this.stderr = stderr;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::read, "bench-front-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java [BENCH_FRONT_JAVA_OPTS] -jar target/issuecommand.jar mcp}. */
    static List<String> command() {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin()));
        String options = javaOptions();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", ServerProcess.jar().toString(), "mcp"));
        return command;
    }

    /** The fronts' JVM options, empty by default. */
    static String javaOptions() {
        return System.getenv().getOrDefault("BENCH_FRONT_JAVA_OPTS", "").trim();
    }

    /** Spawns a front with {@code env} added to this process's environment; its stderr goes to {@code stderr}. */
    static FrontProcess spawn(Map<String, String> env, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command()).directory(stderr.getParent().toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        long spawned = System.nanoTime();
        return new FrontProcess(builder.start(), spawned, stderr);
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends a request and waits for its answer. */
    Answer request(long id, String line, long timeoutMillis)
            throws IOException, TimeoutException, InterruptedException {
        send(line);
        return await(id, timeoutMillis);
    }

    /** The next answer with {@code id}, skipping other messages; fails when stdout ends or the time is up. */
    Answer await(long id, long timeoutMillis) throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException("no answer to request " + id + " within " + timeoutMillis + " ms");
            }
            if (line == END) {
                lines.add(END);
                boolean exited = process.waitFor(5, TimeUnit.SECONDS);
                throw new IOException("the front's stdout ended (" + (exited ? "exit " + process.exitValue()
                        : "still running") + "); see " + stderr);
            }
            JsonNode message = McpMessages.JSON.readTree(line.text());
            if (message.path("id").asLong(-1) == id) {
                return new Answer(message, line.nanos());
            }
        }
    }

    /** Milliseconds from spawn until {@code answer} arrived. */
    long sinceSpawnMillis(Answer answer) {
        return (answer.arrivedNanos() - spawnedNanos) / 1_000_000;
    }

    long pid() {
        return process.pid();
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "";
        }
    }

    Path stderrFile() {
        return stderr;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(new Line(line, System.nanoTime()));
            }
        } catch (IOException e) {
            // the process went away; END follows
        }
        lines.add(END);
    }

    /** Closes stdin (a front then ends its session and exits); kills it after {@value #EXIT_SECONDS} s. */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
            System.err.println("bench: front " + process.pid() + " still running " + EXIT_SECONDS
                    + " s after stdin closed; killing it");
            process.destroyForcibly();
            process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
