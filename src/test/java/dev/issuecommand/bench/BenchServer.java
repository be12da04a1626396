package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real jar started the way an operator starts it ({@code java -jar}, JVM options from {@code BENCH_JAVA_OPTS}
 * only), timed from spawn until {@code /api/health} answers 200.
 */
final class BenchServer {

    private final Process process;
    private final int port;
    private final long readyMillis;

    private BenchServer(Process process, int port, long readyMillis) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    static BenchServer start(FakeGitHub github, Path db, Map<String, String> extra) throws Exception {
        return start(github, db, extra, command());
    }

    /** Starts {@code command} as a server with the benchmark's settings; ready when {@code /api/health} answers 200. */
    static BenchServer start(FakeGitHub github, Path db, Map<String, String> extra, List<String> command)
            throws Exception {
        int port = ServerProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(command).directory(db.getParent().toFile())
                .redirectOutput(db.resolveSibling("stdout.log").toFile())
                .redirectError(db.resolveSibling("stderr.log").toFile());
        configure(builder.environment(), github, db, port, extra);
        long spawned = System.nanoTime();
        Process process = builder.start();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(db.resolveSibling("stderr.log")));
            }
            try (KeepAliveClient client = new KeepAliveClient(port, ServerProcess.API_KEY)) {
                if (client.send("GET", "/api/health", "", null).status() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - spawned > TimeUnit.MINUTES.toNanos(3)) {
                process.destroyForcibly();
                throw new IllegalStateException("server not ready after 3 minutes");
            }
            Thread.sleep(10);
        }
        return new BenchServer(process, port, (System.nanoTime() - spawned) / 1_000_000);
    }

    /** {@code java [BENCH_JAVA_OPTS] -jar target/issuecommand.jar}. */
    static List<String> command() {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin()));
        String options = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", ServerProcess.jar().toString()));
        return command;
    }

    /** The environment of a benchmark server: the fake GitHub, its own port and SQLite file, then {@code extra}. */
    static void configure(Map<String, String> env, FakeGitHub github, Path db, int port, Map<String, String> extra) {
        env.put("API_KEY", ServerProcess.API_KEY);
        env.put("GITHUB_TOKEN", ServerProcess.GITHUB_TOKEN);
        env.put("GITHUB_API_URL", github.url());
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("SQLITE_PATH", db.toString());
        env.putAll(extra);
    }

    KeepAliveClient client() {
        return new KeepAliveClient(port, ServerProcess.API_KEY);
    }

    int port() {
        return port;
    }

    long readyMillis() {
        return readyMillis;
    }

    /** VmRSS of the server process and its descendants, from {@code /proc/<pid>/status}. */
    long rssMegabytes() {
        return Rss.kilobytes(process.pid()) / 1024;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM to the process and to its descendants (a shell's server, a launcher's server JVM), then waits. */
    void stop() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                descendant.destroyForcibly();
                return descendant;
            }).join();
        }
    }
}
