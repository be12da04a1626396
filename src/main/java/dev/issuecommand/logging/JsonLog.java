package dev.issuecommand.logging;

import dev.issuecommand.config.JsonFactories;
import jakarta.json.JsonObjectBuilder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes log events as JSON lines to stderr and, when {@code LOG_FILE} is set, to that file.
 * Never to stdout, which belongs to MCP. Callers pass no secrets; values are JSON-escaped.
 */
public final class JsonLog {

    private static final PrintStream STDERR =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static volatile OutputStream file;

    private JsonLog() {
    }

    /** Also appends every line to {@code path}; blank leaves only stderr. */
    public static synchronized void useFile(String path) {
        if (path == null || path.isBlank() || file != null) {
            return;
        }
        try {
            Path target = Path.of(path);
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            file = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            warn("log.file.unavailable", "path", path, "error", e.getClass().getSimpleName());
        }
    }

    public static void info(String event, Object... fields) {
        write("INFO", event, fields);
    }

    public static void warn(String event, Object... fields) {
        write("WARN", event, fields);
    }

    public static void error(String event, Object... fields) {
        write("ERROR", event, fields);
    }

    public static void fatal(String event, String message) {
        write("FATAL", event, new Object[] {"message", message});
    }

    private static void write(String level, String event, Object[] fields) {
        JsonObjectBuilder line = JsonFactories.objectBuilder()
                .add("time", Instant.now().toString())
                .add("level", level)
                .add("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            Object value = fields[i + 1];
            String key = String.valueOf(fields[i]);
            if (value instanceof Number n) {
                line.add(key, n.doubleValue() == n.longValue() ? JsonFactories.number(n.longValue())
                        : JsonFactories.number(n.doubleValue()));
            } else if (value instanceof Boolean b) {
                line.add(key, b);
            } else if (value != null) {
                line.add(key, String.valueOf(value));
            }
        }
        String text = line.build().toString();
        synchronized (JsonLog.class) {
            STDERR.println(text);
            OutputStream out = file;
            if (out != null) {
                try {
                    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException ignored) {
                    // the stderr line above already carries the event
                }
            }
        }
    }
}
