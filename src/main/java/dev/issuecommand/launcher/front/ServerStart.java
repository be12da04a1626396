package dev.issuecommand.launcher.front;

import java.io.IOException;
import java.time.Duration;

/**
 * The decision every stdio front (and every server the launcher starts) makes first, under the start lock: is an
 * IssueCommand server already answering at the URL, is one starting on this machine, or must one be started? Two
 * fronts spawned at the same moment thereby end up with one server between them, never two on one database.
 */
final class ServerStart {

    /** What this process does about the server. */
    enum Plan {
        /** A server answers (or is starting): relay to it. */
        RELAY,
        /** Nobody serves the URL and this process now holds the server lock: it must start the server. */
        START,
        /** The URL answers, but not as an IssueCommand server that accepts our key: stop. */
        REFUSE
    }

    /**
     * The plan, the probe behind it, and with {@link Plan#START} both locks: the server lock for the server, and the
     * start lock, which the caller keeps until the server it starts holds the server lock itself.
     */
    record Decision(Plan plan, ServerProbe.Result probe, ServerLocks.Held serverLock, ServerLocks.Held startLock) {
    }

    private static final Duration START_LOCK_WAIT = Duration.ofSeconds(30);

    private ServerStart() {
    }

    /**
     * Decides for a process that may start a server ({@code mayStart}: the URL is on this machine). With
     * {@link Plan#START} the caller holds the server lock and must start the server (or pass the lock on).
     */
    static Decision decide(ServerProbe probe, ServerLocks locks, boolean mayStart) throws IOException {
        ServerLocks.Held start = locks.start(START_LOCK_WAIT);
        Decision decision;
        try {
            decision = decide(probe.probe(), locks, mayStart, start);
        } catch (IOException | RuntimeException e) {
            start.close();
            throw e;
        }
        if (decision.plan() != Plan.START) {
            start.close();
        }
        return decision;
    }

    private static Decision decide(ServerProbe.Result result, ServerLocks locks, boolean mayStart,
            ServerLocks.Held start) throws IOException {
        switch (result.answer()) {
            case ISSUECOMMAND:
                return new Decision(Plan.RELAY, result, null, null);
            case KEY_REFUSED:
                return new Decision(Plan.REFUSE, result, null, null);
            case NOT_ISSUECOMMAND:
                boolean starting = mayStart && locks.serverHeldElsewhere();
                return new Decision(starting ? Plan.RELAY : Plan.REFUSE, result, null, null);
            default:
                ServerLocks.Held server = mayStart ? locks.tryServer() : null;
                return server == null ? new Decision(Plan.RELAY, result, null, null)
                        : new Decision(Plan.START, result, server, start);
        }
    }
}
