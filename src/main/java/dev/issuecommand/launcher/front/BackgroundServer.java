package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.LauncherLog;
import dev.issuecommand.launcher.ServerJvmOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the shared background server of this machine: {@code java <SERVER_JAVA_OPTIONS> -jar issuecommand.jar} in
 * its own session ({@code setsid}, so that a client killing its process group does not take the server along), with
 * stdin from {@code /dev/null}, its output appended to {@code issuecommand-server.log} beside the database, and
 * {@code IDLE_EXIT_MINUTES} (default 10) so it stops by itself once no front has used it for that long.
 */
final class BackgroundServer {

    /** Environment variable telling the launcher it was started by a front that holds the start lock for it. */
    public static final String SPAWNED_ENV = "ISSUECOMMAND_SPAWNED_BY_FRONT";

    private static final long HANDOVER_SECONDS = 30;

    private final FrontSettings settings;
    private final Path jar;

    BackgroundServer(FrontSettings settings, Path jar) {
        this.settings = settings;
        this.jar = jar;
    }

    /**
     * Starts the server and hands it the server lock the {@code decision} holds; returns once the server holds it
     * (its start continues in the background). The start lock is freed in every case.
     */
    void start(ServerStart.Decision decision, ServerLocks locks) throws IOException {
        try {
            Process server;
            try {
                server = spawn();
            } finally {
                decision.serverLock().close();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANDOVER_SECONDS);
            while (server.isAlive() && !locks.serverHeldElsewhere() && System.nanoTime() < deadline) {
                StdioFront.pause(50);
            }
            if (!server.isAlive()) {
                throw new IOException("the server stopped at once (exit " + server.exitValue() + "): "
                        + lastLine(settings.serverLog()));
            }
            LauncherLog.info("mcp.front.server_started", "pid", String.valueOf(server.pid()),
                    "log", settings.serverLog().toString());
        } finally {
            decision.startLock().close();
        }
    }

    private Process spawn() throws IOException {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.serverJavaOptions());
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(settings.serverLog().toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.serverLog().toFile()))
                .redirectErrorStream(true);
        builder.environment().put("IDLE_EXIT_MINUTES", settings.serverIdleExitMinutes());
        builder.environment().put(SPAWNED_ENV, "1");
        ServerJvmOptions.tune(builder.environment());
        return builder.start();
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(its log " + log + " cannot be read)";
        }
    }
}
