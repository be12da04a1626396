package dev.issuecommand.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The server JVM's compile commands for code that runs only while Liberty starts ({@code start-only-code.compile-commands}
 * beside this class, in the format of {@code -XX:CompileCommandFile}): C2 leaves it to C1 and keeps its time for the
 * request path. The launcher gives them to the server JVMs it starts as {@code -XX:CompileCommand} options; the
 * container and the systemd unit give the file itself.
 */
final class StartOnlyCode {

    static final String RESOURCE = "start-only-code.compile-commands";

    private StartOnlyCode() {
    }

    /** One {@code -XX:CompileCommand=<line>} per command of the file, {@code quiet} first as the file has it. */
    static List<String> compileCommandOptions() {
        return commands().stream().map(command -> "-XX:CompileCommand=" + command).toList();
    }

    /** The file's commands: its lines without comments and blank lines. */
    static List<String> commands() {
        try (InputStream in = StartOnlyCode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
