package dev.issuecommand.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the server in a JVM sized for it when {@code java -jar issuecommand.jar} was started without a heap size. A
 * JAR cannot carry JVM options, and HotSpot's default heap ceiling is a quarter of the machine's memory, which the
 * server grows into under load (over 1 GB of RSS on a 24 GB machine). So this process, which has loaded almost
 * nothing yet, starts {@code java <options> <its own JVM arguments> -jar issuecommand.jar <args>} with the same
 * stdin, stdout and stderr (and the same environment, so {@code JAVA_TOOL_OPTIONS} applies to it once), and only
 * waits for it: its exit code becomes this process's, SIGTERM and SIGINT are passed
 * on (the server stops gracefully), and the server stops at once if this process is killed ({@link ParentWatch}).
 *
 * <p>Nothing happens when a heap size was given (an {@code -Xmx}, {@code -XX:MaxRAM...} or {@code -XX:MaxHeapSize}
 * option, also through {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}), when an agent is attached (a profiler
 * or debugger watches this very JVM), or in the server JVM itself.
 */
final class TunedJvm {

    /** Set in the server JVM's environment to the pid of the process that waits for it. */
    static final String PARENT_ENV = "ISSUECOMMAND_LAUNCHER_PID";

    private static final List<String> HEAP_SIZES = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM");
    private static final List<String> AGENTS = List.of("-agentlib:", "-agentpath:", "-javaagent:");
    private static final long GRACEFUL_STOP_SECONDS = 60;

    private TunedJvm() {
    }

    /**
     * This JVM's options as its command line gave them (those before {@code -jar}); empty when the platform does not
     * tell. Read from the process, not the management beans, which would set up logging before Liberty does.
     */
    static Optional<List<String>> ownJvmArguments() {
        return ProcessHandle.current().info().arguments().map(Arrays::asList).map(arguments -> {
            int jarFlag = arguments.indexOf("-jar");
            return jarFlag < 0 ? null : List.copyOf(arguments.subList(0, jarFlag));
        });
    }

    /** True when this JVM should start the server in a tuned one instead of running it itself. */
    static boolean wanted(List<String> jvmArguments, Function<String, String> environment) {
        if (environment.apply(PARENT_ENV) != null) {
            return false;
        }
        List<String> all = new ArrayList<>(jvmArguments);
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                all.addAll(Arrays.asList(value.strip().split("\\s+")));
            }
        }
        return all.stream().noneMatch(argument -> HEAP_SIZES.stream().anyMatch(argument::startsWith)
                || AGENTS.stream().anyMatch(argument::startsWith));
    }

    /** The server JVM's command line: the tuned options, then this JVM's own arguments (they win), then the jar. */
    static List<String> command(Path java, List<String> tuned, List<String> jvmArguments, Path jar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(ServerJvmOptions.merge(tuned, jvmArguments));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Starts the server JVM, waits for it and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        ServerJvmOptions.tune(builder.environment());
        Process server = builder.start();
        LauncherLog.info("launcher.server_jvm", "pid", Long.toString(server.pid()),
                "options", String.join(" ", command.subList(1, command.indexOf("-jar"))));
        passOn("TERM", server);
        passOn("INT", server);
        return server.waitFor();
    }

    /** On {@code signal}, asks the server to stop and ends this process with the server's exit code. */
    @SuppressWarnings("restriction")
    private static void passOn(String signal, Process server) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> new Thread(() -> {
                server.destroy();
                try {
                    if (!server.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                    }
                    System.exit(server.waitFor());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    System.exit(1);
                }
            }, "issuecommand-stop-server").start());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LauncherLog.warn("signal.unavailable", "signal", signal);
        }
    }
}
