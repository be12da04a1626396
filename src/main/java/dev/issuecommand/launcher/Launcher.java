package dev.issuecommand.launcher;

import dev.issuecommand.config.DotEnvFile;
import dev.issuecommand.config.FatalStartup;
import dev.issuecommand.config.Settings;
import dev.issuecommand.config.SettingsException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Main class of the runnable jar. It keeps stdout for MCP alone (everything printed to {@code System.out},
 * Liberty's banner and extractor included, goes to stderr), passes {@code .env} values on to Liberty and the
 * application as system properties, validates the settings so a bad one ends the process at once with exit
 * code 1, and then hands over to Liberty's own runnable-jar entry point.
 */
public final class Launcher {

    private static final String LIBERTY_MAIN = "wlp.lib.extract.SelfExtractRun";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Map<String, String> dotEnv = DotEnvFile.inWorkingDirectory();
        dotEnv.forEach((name, value) -> {
            if (System.getenv(name) == null && System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        if (lookup("GITHUB_TOKEN") == null) {
            String token = GhCliToken.discover();
            if (token != null) {
                System.setProperty("GITHUB_TOKEN", token);
            }
        }
        try {
            Settings.from(Launcher::lookup);
        } catch (SettingsException e) {
            System.err.println("{\"time\":\"" + Instant.now() + "\",\"level\":\"FATAL\",\"event\":\"startup.failed\","
                    + "\"message\":\"" + escape(e.getMessage()) + "\"}");
            System.exit(1);
        }
        System.setProperty(FatalStartup.LAUNCHER_PROPERTY, "true");
        exitCleanlyOn("TERM");
        exitCleanlyOn("INT");
        Class.forName(LIBERTY_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    /**
     * SIGTERM/SIGINT end the process with exit code 0 after Liberty's shutdown hooks have stopped the server
     * gracefully (in-flight requests finish, SSE streams close), instead of the JVM's default 143/130.
     */
    @SuppressWarnings("restriction")
    private static void exitCleanlyOn(String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> new Thread(() -> System.exit(0),
                    "issuecommand-shutdown").start());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            System.err.println("{\"level\":\"WARN\",\"event\":\"signal.unavailable\",\"signal\":\"" + signal + "\"}");
        }
    }

    private static String lookup(String name) {
        String env = System.getenv(name);
        return env != null && !env.isBlank() ? env : System.getProperty(name);
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
