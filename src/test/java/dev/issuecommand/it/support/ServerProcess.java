package dev.issuecommand.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Runs the real runnable jar ({@code target/issuecommand.jar}) as a child process with its own port, SQLite file
 * and environment, the way an operator would: {@code java -jar}. Its stdout and stderr are kept in files.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String API_KEY = "test-api-key-0123456789";
    public static final String GITHUB_TOKEN = "ghp_testtoken_secret_value";

    private final Map<String, String> env;
    private final Path workDir;
    private final int port;
    private Process process;
    private Path stdout;
    private Path stderr;
    private int starts;
    /**
     * The JVM options of test servers: a small heap (so the server runs in the JVM started, no launcher beside it)
     * and C1 only. Test servers answer a few hundred requests, so they gain nothing from C2's code, and without its
     * compilations competing with the start on two cores a start costs about half the CPU time (8–9 s instead of
     * 14–17 s measured on the loaded 2-core machine). Benchmarks (bench/run.sh) run the jar as users do.
     */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** {@link #TEST_JVM_OPTIONS} as {@code SERVER_JAVA_OPTIONS}, for the servers a stdio front starts in tests. */
    public static final String TEST_SERVER_JAVA_OPTIONS = String.join(" ", TEST_JVM_OPTIONS);

    private List<String> jvmOptions = TEST_JVM_OPTIONS;
    private List<String> arguments = List.of();
    private final java.util.Set<String> unset = new java.util.HashSet<>();
    private String apiKey = API_KEY;

    private ServerProcess(Map<String, String> env, Path workDir, int port) {
        this.env = env;
        this.workDir = workDir;
        this.port = port;
    }

    /** A server using {@code github} and the SQLite file {@code db}, with extra settings from {@code extra}. */
    public static ServerProcess create(FakeGitHub github, Path db, Map<String, String> extra) throws IOException {
        Path workDir = Files.createDirectories(db.getParent());
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("API_KEY", API_KEY);
        env.put("GITHUB_TOKEN", GITHUB_TOKEN);
        env.put("GITHUB_API_URL", github == null ? "http://127.0.0.1:9" : github.url());
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("SQLITE_PATH", db.toString());
        env.put("RATE_LIMIT_ENABLED", "false");
        env.put("SYNC_INTERVAL_MINUTES", "0");
        env.putAll(extra);
        return new ServerProcess(env, workDir, port);
    }

    /** JVM options of the next start instead of the default small heap; none is what a plain {@code java -jar} gets. */
    public ServerProcess withJvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
        return this;
    }

    /** Program arguments of the next start, after {@code -jar issuecommand.jar} (none by default). */
    public ServerProcess withArguments(List<String> programArguments) {
        arguments = List.copyOf(programArguments);
        return this;
    }

    /**
     * Starts without the settings {@code names}, not even inherited from this JVM's environment; when {@code API_KEY}
     * is one of them, {@code apiKey} is the key the server is expected to take instead (a demo's {@code demo}).
     */
    public ServerProcess without(String apiKey, String... names) {
        for (String name : names) {
            env.remove(name);
            unset.add(name);
        }
        this.apiKey = apiKey;
        return this;
    }

    /** The process started last: the JVM {@code java -jar} started (with a server JVM as its child, if tuned). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Starts the jar and waits until {@code /api/health} answers. */
    public ServerProcess start() throws IOException, InterruptedException {
        starts++;
        stdout = workDir.resolve("stdout-" + port + "-" + starts + ".log");
        stderr = workDir.resolve("stderr-" + port + "-" + starts + ".log");
        Path extractRoot = Files.createDirectories(Path.of("target", "wlp-extract").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("WLP_JAR_EXTRACT_ROOT", extractRoot.toString());
        Instant launched = Instant.now();
        process = builder.start();
        try {
            awaitHealthy(process, base(), apiKey, Duration.ofSeconds(120), stderr);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        boolean rateLimited = !"false".equalsIgnoreCase(env.get("RATE_LIMIT_ENABLED"));
        if (env.containsKey("GITHUB_API_URL") && !env.get("GITHUB_API_URL").endsWith(":9") && !rateLimited) {
            waitForStartupSync(launched, Duration.ofSeconds(20));
        }
        return this;
    }

    /**
     * Waits until this process's reconciliation at start has finished ({@code last_github_sync_at} in the health
     * numbers is newer than the launch; several processes may share the database), so its {@code sync.reconciled} event does not land in the middle of a test. Gives up quietly: a test
     * whose GitHub fails at start simply has no such sync. Skipped when rate limiting is on: the polling would spend
     * the test's request budget.
     */
    private void waitForStartupSync(Instant launched, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> syncedSince(launched));
        } catch (ConditionTimeoutException e) {
            // no sync at start this time
        }
    }

    private boolean syncedSince(Instant launched) {
        String last = api().get("/api/health").json().path("health").path("last_github_sync_at").asText("");
        return !last.isEmpty() && Instant.parse(last).isAfter(launched);
    }

    public static Path jar() {
        return Path.of(System.getProperty("issuecommand.jar", "target/issuecommand.jar")).toAbsolutePath();
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until {@code process} answers {@code /api/health} on {@code base} with 200; fails with the text of its
     * {@code stderr} file when it exits first or is not ready within {@code timeout}.
     */
    public static void awaitHealthy(Process process, String base, Duration timeout, Path stderr) throws IOException {
        awaitHealthy(process, base, API_KEY, timeout, stderr);
    }

    private static void awaitHealthy(Process process, String base, String apiKey, Duration timeout, Path stderr)
            throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .failFast("server exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (TerminalFailureException e) {
            throw new IllegalStateException("server exited with " + process.exitValue() + ": " + text(stderr), e);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("server not ready after " + timeout + ": " + text(stderr), e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(base(), apiKey);
    }

    public int port() {
        return port;
    }

    /** Ends the process with SIGKILL: nothing gets a chance to flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ends the process with SIGTERM and returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public String stdoutText() throws IOException {
        return Files.readString(stdout);
    }

    public String stderrText() throws IOException {
        return text(stderr);
    }

    private static String text(Path file) throws IOException {
        return file == null || !Files.exists(file) ? "" : Files.readString(file);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
