package dev.issuecommand.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON log lines on stderr for the launcher and the stdio front, in the application's log shape
 * ({@code time, level, event} and fields); they run before, or without, the application's logger.
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
    private static void write(String level, String event, String... fields) {
        JsonObjectBuilder line = Json.createObjectBuilder().add("time", Instant.now().toString()).add("level", level)
                .add("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.add(fields[i], String.valueOf(fields[i + 1]));
        }
        ERR.println(line.build());
    }
}
