package dev.issuecommand.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Runs a command of the application in this JVM, without Liberty: {@code agents add|list|revoke} works on the
 * database of the settings whether a server runs or not. Its class is the application's
 * ({@code AgentsCommand}, loaded from {@link ApplicationClasses}); the launcher only hands it the arguments, the real
 * stdout and the settings' lookup, and exits with its code.
 */
final class ApplicationCommand {

    /** First argument that runs the agent keys' command line. */
    static final String AGENTS = "agents";

    private static final String AGENTS_MAIN = "dev.issuecommand.agents.boundary.AgentsCommand";
    private static final int FAILED = 1;

    private ApplicationCommand() {
    }

    /** Runs {@code agents} with the arguments that follow it; returns the exit code. */
    static int agents(Path jar, Path root, String[] args, PrintStream stdout, Function<String, String> lookup) {
        if (jar == null) {
            System.err.println("issuecommand agents: run it from the runnable jar: "
                    + "java -jar issuecommand.jar agents …");
            return FAILED;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try (ApplicationClasses classes = ApplicationClasses.open(jar, root)) {
            Thread.currentThread().setContextClassLoader(classes.loader());
            Object code = Class.forName(AGENTS_MAIN, true, classes.loader())
                    .getMethod("run", String[].class, PrintStream.class, PrintStream.class, Function.class)
                    .invoke(null, rest, stdout, System.err, lookup);
            stdout.flush();
            return (Integer) code;
        } catch (InvocationTargetException e) {
            System.err.println("issuecommand agents: failed: " + e.getCause());
            return FAILED;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            System.err.println("issuecommand agents: cannot load the application's classes: " + e);
            return FAILED;
        }
    }
}
