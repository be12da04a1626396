package dev.issuecommand.launcher.front;

import java.util.Optional;

/**
 * Notices that the MCP client went away without closing stdin (it was killed, or gave up and left this process
 * behind): checks twice a second whether the parent process still lives, and runs {@code onGone} once it does not.
 */
final class ClientWatch {

    private static final long PERIOD_MILLIS = 500;

    private ClientWatch() {
    }

    /** Starts watching the current parent; a process without a parent is not watched. */
    static void start(Runnable onGone) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle client = parent.get();
        Thread watch = new Thread(() -> {
            while (client.isAlive()) {
                StdioFront.pause(PERIOD_MILLIS);
            }
            onGone.run();
        }, "issuecommand-client-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
