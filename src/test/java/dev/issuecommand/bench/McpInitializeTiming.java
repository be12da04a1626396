package dev.issuecommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Time to the first MCP answer of a cold jar: spawns {@code java -jar} (environment as {@link BenchServer}'s, its own
 * port and SQLite file) with stdin and stdout as pipes, writes {@code initialize} at once and times from spawn until
 * its answer arrives on stdout; then lists the tools and closes stdin. Run after the benchmark's server stopped, so
 * the cold start competes with no other server.
 */
final class McpInitializeTiming {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_SECONDS = 180;
    private static final long EXIT_SECONDS = 30;
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}";

    private McpInitializeTiming() {
    }

    static String measure(FakeGitHub github, Path db, Map<String, String> extra) throws Exception {
        Path stderr = db.resolveSibling("mcp-stderr.log");
        ProcessBuilder builder = new ProcessBuilder(BenchServer.command()).directory(db.getParent().toFile())
                .redirectError(stderr.toFile());
        BenchServer.configure(builder.environment(), github, db, ServerProcess.freePort(), extra);
        long spawned = System.nanoTime();
        Process process = builder.start();
        BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try (OutputStream stdin = process.getOutputStream()) {
            send(stdin, INITIALIZE);
            JsonNode initialized = answer(stdout, 1);
            long millis = (System.nanoTime() - spawned) / 1_000_000;
            if (!initialized.has("result")) {
                return "failed: " + (initialized.isMissingNode() ? "no answer" : initialized) + " (see " + stderr + ")";
            }
            send(stdin, INITIALIZED);
            send(stdin, LIST_TOOLS);
            return millis + " ms (" + answer(stdout, 2).path("result").path("tools").size() + " tools)";
        } catch (TimeoutException e) {
            return "failed: no answer within " + ANSWER_SECONDS + " s (see " + stderr + ")";
        } catch (ExecutionException e) {
            return "failed: " + e.getCause().getMessage();
        } finally {
            awaitExit(process);
        }
    }

    private static void send(OutputStream stdin, String message) throws IOException {
        stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The response with {@code id}, skipping other messages; a missing node if stdout ended first. */
    private static JsonNode answer(BufferedReader stdout, int id) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    JsonNode message = JSON.readTree(line);
                    if (message.path("id").asInt(-1) == id) {
                        return message;
                    }
                }
                return JSON.missingNode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** With stdin closed an initialized session ends the process; else it is killed after {@value #EXIT_SECONDS} s. */
    private static void awaitExit(Process process) throws InterruptedException {
        long closed = System.nanoTime();
        if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
            System.err.println("bench: MCP server " + process.pid() + " still running " + EXIT_SECONDS
                    + " s after stdin closed; killing it");
            process.destroyForcibly();
            process.waitFor();
            return;
        }
        System.err.printf("bench: MCP server exited with %d, %d ms after stdin closed%n", process.exitValue(),
                (System.nanoTime() - closed) / 1_000_000);
    }
}
