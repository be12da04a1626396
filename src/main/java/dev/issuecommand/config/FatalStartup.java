package dev.issuecommand.config;

import dev.issuecommand.config.settings.LauncherFlag;
import dev.issuecommand.logging.JsonLog;

/**
 * Ends start-up with one clear fatal line. Under our launcher (the runnable jar) the process exits with code 1;
 * deployed as a plain WAR, the application fails to start instead.
 */
public final class FatalStartup {

    private FatalStartup() {
    }

    public static IllegalStateException stop(String message, Throwable cause) {
        JsonLog.fatal("startup.failed", message);
        if (LauncherFlag.isSet()) {
            Runtime.getRuntime().halt(1);
        }
        return new IllegalStateException(message, cause);
    }
}
