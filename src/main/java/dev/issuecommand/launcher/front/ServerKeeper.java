package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.LauncherLog;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a server within reach of a front that may start one (its URL is on this machine and it runs as
 * {@code java -jar issuecommand.jar mcp}): when no server answers, it starts the shared background server, once,
 * whichever front notices first. A front that may not start one (its server runs in its own process, or elsewhere)
 * just waits.
 */
final class ServerKeeper {

    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ServerProbe probe;
    private final ServerLocks locks;
    private final BackgroundServer background;
    private long nextAttempt = System.nanoTime();
    private volatile String problem = "";

    /** A keeper that starts {@code background} when needed; null for one that only waits. */
    ServerKeeper(ServerProbe probe, ServerLocks locks, BackgroundServer background) {
        this.probe = probe;
        this.locks = locks;
        this.background = background;
    }

    /** Makes sure a server answers or is starting; at most one attempt every two seconds. */
    synchronized void ensure() {
        if (background == null || System.nanoTime() < nextAttempt) {
            return;
        }
        nextAttempt = System.nanoTime() + RETRY_NANOS;
        try {
            ServerStart.Decision decision = ServerStart.decide(probe, locks, true);
            switch (decision.plan()) {
                case START -> {
                    background.start(decision, locks);
                    problem = "";
                }
                case REFUSE -> problem = decision.probe().detail();
                default -> problem = "";
            }
        } catch (IOException e) {
            problem = "could not start a server: " + e.getMessage();
            LauncherLog.warn("mcp.front.server_start_failed", "message", e.getMessage());
        }
    }

    /** The server went away in the middle of a call. */
    void lost() {
        LauncherLog.warn("mcp.front.server_lost", "message", "the IssueCommand server stopped answering; "
                + (background == null ? "waiting for it to come back" : "a new one is started on the next call"));
    }

    /** Why no server could be reached, as the end of a sentence; empty when nothing is known. */
    String why() {
        return problem.isEmpty() ? "" : "; " + problem;
    }

}
