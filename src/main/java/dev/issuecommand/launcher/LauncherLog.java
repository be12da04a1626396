package dev.issuecommand.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON log lines on stderr for the launcher and the stdio front, in the application's log shape
 * ({@code time, level, event} and fields); they run before, or without, the application's logger. Written by hand
 * on purpose: JSON Processing's provider lookup sets up {@code java.util.logging}, which must stay untouched until
 * Liberty has installed its own log manager.
 */
public final class LauncherLog {

    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    private LauncherLog() {
    }

    public static void info(String event, String... fields) {
        write("INFO", event, fields);
    }

    public static void warn(String event, String... fields) {
        write("WARN", event, fields);
    }

    public static void fatal(String event, String... fields) {
        write("FATAL", event, fields);
    }

    /** One line; {@code fields} are name, value pairs. */
    public static void write(String level, String event, String... fields) {
        StringBuilder line = new StringBuilder(128).append("{\"time\":\"").append(Instant.now())
                .append("\",\"level\":\"").append(level).append("\",\"event\":\"").append(escape(event)).append('"');
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.append(",\"").append(escape(fields[i])).append("\":\"").append(escape(String.valueOf(fields[i + 1])))
                    .append('"');
        }
        ERR.println(line.append('}'));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
