package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.LauncherLog;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The runnable jar's two ways of serving an MCP client over stdio, both without Liberty in the front itself:
 * {@link #standalone} ({@code java -jar issuecommand.jar mcp}) relays to the server at the URL and starts the shared
 * background server when none answers; {@link #beside} serves stdin next to a server this process starts itself
 * ({@code java -jar issuecommand.jar}, as before). See docs/mcp.md.
 */
public final class McpFront {

    private static final long PING_SECONDS = 60;

    /** The server lock of a server this process runs: kept reachable so that it is never closed before exit. */
    private static volatile ServerLocks.Held serverLock;

    private final FrontSettings settings;
    private final ServerProbe probe;
    private final ServerLocks locks;
    private final McpRelay relay;

    private McpFront(FrontSettings settings) {
        this.settings = settings;
        this.probe = new ServerProbe(settings);
        this.locks = new ServerLocks(settings.port());
        this.relay = new McpRelay(settings);
    }

    /** {@code java -jar issuecommand.jar mcp}: never returns. */
    public static void standalone(Function<String, String> lookup, Path jar) {
        FrontSettings settings;
        try {
            settings = FrontSettings.from(lookup);
        } catch (IllegalArgumentException e) {
            LauncherLog.fatal("startup.failed", "message", e.getMessage());
            System.exit(1);
            return;
        }
        McpFront front = new McpFront(settings);
        BackgroundServer background = settings.serverIsLocal() && jar != null ? new BackgroundServer(settings, jar)
                : null;
        ServerKeeper keeper = new ServerKeeper(front.probe, front.locks, background);
        StdioFront stdio = new StdioFront(front.relay, keeper, stdout(), () -> { });
        ClientWatch.start(() -> front.exit("mcp.client.gone", "the MCP client's process ended"));
        Thread decide = new Thread(() -> front.reach(background, keeper), "issuecommand-front-connect");
        decide.setDaemon(true);
        decide.start();
        front.keepAlive();
        stdio.serve(new FileInputStream(FileDescriptor.in));
        front.exit("mcp.session.ended", "the MCP client closed stdin");
    }

    /**
     * Decides, for {@code java -jar issuecommand.jar}, whether this process starts the server: true when it now holds
     * the server lock (the caller starts Liberty); false when another server answers or is starting, in which case
     * this process only relays stdin to it and this method never returns.
     */
    public static boolean beside(Function<String, String> lookup, int port) {
        FrontSettings settings = FrontSettings.ownServer(lookup, port);
        McpFront front = new McpFront(settings);
        ServerStart.Decision decision;
        try {
            decision = ServerStart.decide(front.probe, front.locks, true);
        } catch (IOException e) {
            LauncherLog.warn("server.lock_unavailable", "message", e.getMessage());
            front.serveBeside();
            return true;
        }
        switch (decision.plan()) {
            case REFUSE -> {
                LauncherLog.fatal("startup.failed", "message", "HTTP_PORT " + port + " is taken: "
                        + decision.probe().detail());
                System.exit(1);
            }
            case START -> {
                serverLock = decision.serverLock();
                decision.startLock().close();
                front.serveBeside();
                return true;
            }
            default -> {
                LauncherLog.info("mcp.front.relaying", "url", settings.baseUrl().toString(), "message",
                        "an IssueCommand server already serves this port; this process relays MCP on stdio to it");
                StdioFront stdio = new StdioFront(front.relay, new ServerKeeper(front.probe, front.locks, null),
                        stdout(), () -> { });
                front.keepAlive();
                stdio.serve(new FileInputStream(FileDescriptor.in));
                front.exit("mcp.session.ended", "stdin ended");
            }
        }
        return false;
    }

    /** Whether the launcher was started by a front, which holds the start lock while the server takes over. */
    public static boolean spawnedByFront() {
        return System.getenv(BackgroundServer.SPAWNED_ENV) != null;
    }

    /** For a server spawned by a front: takes the server lock it was handed; false when another server has it. */
    public static boolean takeServerLock(int port) throws IOException {
        serverLock = new ServerLocks(port).server(Duration.ofSeconds(30));
        return serverLock != null;
    }

    /** Serves stdin on a thread while this process starts its own server. */
    private void serveBeside() {
        StdioFront stdio = new StdioFront(relay, new ServerKeeper(probe, locks, null), stdout(),
                () -> ClientWatch.start(() -> exit("mcp.client.gone", "the MCP client's process ended")));
        Thread thread = new Thread(() -> {
            stdio.serve(new FileInputStream(FileDescriptor.in));
            if (stdio.initialized()) {
                exit("mcp.session.ended", "the MCP client closed stdin; shutting down");
            } else {
                LauncherLog.info("mcp.stdin.idle", "message", "stdin ended before any MCP client initialized a "
                        + "session; HTTP keeps serving");
            }
        }, "issuecommand-mcp-stdio");
        thread.setDaemon(true);
        keepAlive();
        thread.start();
    }

    /** First contact with the server: refuse a wrong one, start one if none answers, else open the session. */
    private void reach(BackgroundServer background, ServerKeeper keeper) {
        try {
            ServerStart.Decision decision = ServerStart.decide(probe, locks, background != null);
            switch (decision.plan()) {
                case REFUSE -> {
                    LauncherLog.fatal("startup.failed", "message", decision.probe().detail());
                    System.exit(1);
                }
                case START -> background.start(decision, locks);
                default -> {
                    if (decision.probe().answer() == ServerProbe.Answer.ISSUECOMMAND) {
                        relay.connect();
                        LauncherLog.info("mcp.front.relaying", "url", settings.baseUrl().toString());
                    }
                }
            }
        } catch (IOException | McpRelay.ServerGoneException e) {
            LauncherLog.warn("mcp.front.server_unreachable", "message", e.getMessage());
            keeper.ensure();
        }
    }

    /** Pings the server every minute while a session is open, so neither it nor the session idles out. */
    private void keepAlive() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                StdioFront.daemon("issuecommand-front-ping"));
        timer.scheduleWithFixedDelay(() -> {
            if (relay.connected()) {
                relay.ping();
            }
        }, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    private void exit(String event, String message) {
        LauncherLog.info(event, "message", message);
        relay.close();
        System.exit(0);
    }

    private static OutputStream stdout() {
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    }
}
