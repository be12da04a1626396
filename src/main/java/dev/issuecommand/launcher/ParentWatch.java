package dev.issuecommand.launcher;

import java.util.Optional;
import java.util.function.Function;

/**
 * In a server JVM started by {@link TunedJvm}: when the launcher process that waits for it disappears without
 * passing on a signal (it was killed with SIGKILL), the server halts at once, as if it had been killed itself, so
 * that it never keeps a port and a database nobody started any more. Every committed write is already durable.
 */
final class ParentWatch {

    private static final long POLL_MILLIS = 200;

    private ParentWatch() {
    }

    /** Starts watching when this JVM was started by a launcher process. */
    static void startIfLaunched(Function<String, String> environment) {
        Optional<Long> pid = parse(environment.apply(TunedJvm.PARENT_ENV));
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid.get());
        if (launcher.isEmpty()) {
            halt();
        }
        ProcessHandle waiting = launcher.get();
        Thread watch = new Thread(() -> {
            while (waiting.isAlive()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            halt();
        }, "issuecommand-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void halt() {
        LauncherLog.warn("launcher.gone", "message", "the launcher process that started this server is gone; stopping");
        Runtime.getRuntime().halt(1);
    }

    private static Optional<Long> parse(String pid) {
        try {
            return pid == null ? Optional.empty() : Optional.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
