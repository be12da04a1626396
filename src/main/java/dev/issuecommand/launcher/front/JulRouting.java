package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.LauncherLog;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps stderr JSON when the front's JSON Processing sets up {@code java.util.logging} before Liberty could install
 * its own log manager (a plain {@code java -jar issuecommand.jar} that serves an MCP client on stdin while Liberty
 * starts in the same process): the JDK's plain-text console handler is replaced by one writing warnings and errors as
 * JSON lines, as Liberty's console would. Where Liberty already owns {@code java.util.logging}, nothing changes.
 */
final class JulRouting {

    private static final String LIBERTY_LOG_MANAGER = "java.util.logging.manager";

    private JulRouting() {
    }

    /** Call before the front first uses JSON Processing. */
    static synchronized void keepStderrJson() {
        if (System.getProperty(LIBERTY_LOG_MANAGER) != null) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler json = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    LauncherLog.write(record.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR" : "WARN",
                            "jul", "logger", String.valueOf(record.getLoggerName()), "message",
                            String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        json.setLevel(Level.WARNING);
        root.addHandler(json);
    }
}
