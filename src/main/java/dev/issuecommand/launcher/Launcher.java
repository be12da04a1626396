package dev.issuecommand.launcher;

import dev.issuecommand.config.settings.DemoSettings;
import dev.issuecommand.config.settings.DotEnvFile;
import dev.issuecommand.config.settings.LauncherFlag;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.config.settings.SettingsException;
import dev.issuecommand.launcher.front.McpFront;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Main class of the runnable jar. It keeps stdout for MCP alone (everything printed to {@code System.out},
 * Liberty's banner and extractor included, goes to stderr), passes {@code .env} values on to Liberty and the
 * application as system properties, validates the settings so a bad one ends the process at once with exit
 * code 1, and then starts Liberty from a reused unpacked runtime ({@link UnpackedRuntime}), or through Liberty's own
 * runnable-jar entry point when none is available. With {@code --demo} the server runs the demo mode
 * ({@link DemoSettings}): no GitHub token is looked for. With {@code mcp} first it is the light stdio front instead; with
 * {@code agents} first, the agent keys' command line on the database, without Liberty ({@link ApplicationCommand}).
 */
public final class Launcher {

    private static final String LIBERTY_MAIN = "wlp.lib.extract.SelfExtractRun";

    /** First argument that makes this process the light stdio front ({@link McpFront#standalone}). */
    static final String MCP_COMMAND = "mcp";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Map<String, String> dotEnv = DotEnvFile.inWorkingDirectory();
        dotEnv.forEach((name, value) -> {
            if (System.getenv(name) == null && System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        if (args.length > 0 && args[0].equals(MCP_COMMAND)) {
            McpFront.standalone(Launcher::lookup, runningJar());
            return;
        }
        if (args.length > 0 && args[0].equals(ApplicationCommand.AGENTS)) {
            System.exit(ApplicationCommand.agents(runningJar(), extractRoot(), args, stdout, Launcher::lookup));
            return;
        }
        Path jar = runningJar();
        // A server started by a stdio front already has its options (SERVER_JAVA_OPTIONS) and must take the server
        // lock the front hands it without delay.
        if (jar != null && !McpFront.spawnedByFront()) {
            List<String> jvmArguments = TunedJvm.ownJvmArguments().orElse(null);
            if (jvmArguments != null && TunedJvm.wanted(jvmArguments, System::getenv)) {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                System.exit(TunedJvm.run(TunedJvm.command(java, ServerJvmOptions.from(Launcher::lookup),
                        jvmArguments, jar, args)));
                return;
            }
            ParentWatch.startIfLaunched(System::getenv);
        }
        args = withoutDemoArgument(args);
        if (lookup("GITHUB_TOKEN") == null && !DemoSettings.wanted(Launcher::lookup)) {
            String token = GhCliToken.discover();
            if (token != null) {
                System.setProperty("GITHUB_TOKEN", token);
            }
        }
        Settings settings;
        try {
            settings = Settings.from(Launcher::lookup);
        } catch (SettingsException e) {
            LauncherLog.fatal("startup.failed", "message", e.getMessage());
            System.exit(1);
            return;
        }
        LauncherFlag.set();
        if (settings.demo()) {
            passDemoDefaults(settings);
        }
        exitCleanlyOn("TERM");
        exitCleanlyOn("INT");
        if (McpFront.spawnedByFront()) {
            if (!McpFront.takeServerLock(settings.httpPort())) {
                LauncherLog.info("server.not_needed", "message", "another IssueCommand server took this port first");
                System.exit(0);
            }
        } else if (!McpFront.beside(Launcher::lookup, settings.httpPort())) {
            return;
        }
        Optional<UnpackedRuntime> runtime = jar == null ? Optional.empty() : reusableRuntime(jar);
        if (runtime.isPresent()) {
            runtime.get().runServer(serverName(jar), args);
            System.exit(0);
        }
        Class.forName(LIBERTY_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    /**
     * {@code args} without {@link DemoSettings#ARGUMENT}, which is Launcher's, not Liberty's; when it was there, the
     * server learns of it through {@link DemoSettings#markArgument()}.
     */
    private static String[] withoutDemoArgument(String[] args) {
        String[] rest = java.util.Arrays.stream(args).filter(arg -> !arg.equals(DemoSettings.ARGUMENT))
                .toArray(String[]::new);
        if (rest.length < args.length) {
            DemoSettings.markArgument();
        }
        return rest;
    }

    /** The demo's own bind address and API key, where unset, for Liberty's endpoint and the stdio front beside it. */
    private static void passDemoDefaults(Settings settings) {
        if (lookup("HTTP_HOST") == null) {
            System.setProperty("HTTP_HOST", settings.httpHost());
        }
        if (lookup("API_KEY") == null) {
            System.setProperty("API_KEY", settings.apiKey());
        }
    }

    /**
     * A slot of the runtime unpacked once per jar build under {@code WLP_JAR_EXTRACT_ROOT} (default
     * {@code ~/wlpExtract}, as Liberty's); empty when {@code WLP_JAR_EXTRACT_DIR} asks for Liberty's own behaviour,
     * when not started from a jar, or when every slot is busy or the root unusable.
     */
    private static Optional<UnpackedRuntime> reusableRuntime(Path jar) {
        if (!isBlank(System.getenv("WLP_JAR_EXTRACT_DIR"))) {
            return Optional.empty();
        }
        Path root = extractRoot();
        try {
            Optional<UnpackedRuntime> runtime = UnpackedRuntime.claim(jar, root);
            runtime.ifPresent(slot -> {
                LauncherLog.info(slot.reused() ? "runtime.reused" : "runtime.unpacked", "directory", slot.directory().toString());
                Thread cleaner = new Thread(() -> {
                    try {
                        UnpackedRuntime.removeOtherBuilds(jar, root);
                    } catch (IOException e) {
                        LauncherLog.warn("runtime.cleanup_failed", "message", String.valueOf(e));
                    }
                }, "issuecommand-runtime-cleanup");
                cleaner.setDaemon(true);
                cleaner.start();
            });
            return runtime;
        } catch (IOException | RuntimeException e) {
            LauncherLog.warn("runtime.reuse_unavailable", "message", String.valueOf(e));
            return Optional.empty();
        }
    }

    /** Where this jar's runtime and classes are unpacked: {@code WLP_JAR_EXTRACT_ROOT}, else {@code ~/wlpExtract}. */
    private static Path extractRoot() {
        String configuredRoot = System.getenv("WLP_JAR_EXTRACT_ROOT");
        return (isBlank(configuredRoot) ? Path.of(System.getProperty("user.home"), "wlpExtract")
                : Path.of(configuredRoot)).toAbsolutePath();
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String serverName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String name = file.getManifest().getMainAttributes().getValue("Server-Name");
            return isBlank(name) ? "defaultServer" : name;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
            LauncherLog.warn("signal.unavailable", "signal", signal);
        }
    }

    private static String lookup(String name) {
        String env = System.getenv(name);
        return env != null && !env.isBlank() ? env : System.getProperty(name);
    }
}
