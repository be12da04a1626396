package dev.issuecommand.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake GitHub and the runnable jar started against it once per configuration and shared by every test class that
 * asks for it (see {@link WithSharedServer}). Kept in the root store of the test run: failsafe runs all classes in one
 * JVM, so the classes share one process, and JUnit closes it when the run ends.
 *
 * <p>The settings are the defaults of {@link ServerProcess} plus a webhook secret. Classes on a shared server add
 * issues to {@code github} under repositories no other class uses, use their own agent ids, never expect an empty
 * database or event stream, and may read or write the SQLite file {@code database} from outside.
 */
public record SharedServer(FakeGitHub github, ServerProcess server, Path database)
        implements ExtensionContext.Store.CloseableResource {

    /** The {@code GITHUB_WEBHOOK_SECRET} of every shared server: sign deliveries with it. */
    public static final String WEBHOOK_SECRET = "shared-webhook-secret";

    /** Starts a fake GitHub and a server with the common settings and {@code extra}, its files under {@code target/}. */
    static SharedServer start(Map<String, String> extra) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "shared-servers")), "server-");
        Path database = dir.resolve("issuecommand.db").toAbsolutePath();
        Map<String, String> settings = new HashMap<>(extra);
        settings.putIfAbsent("GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        FakeGitHub github = new FakeGitHub();
        try {
            return new SharedServer(github, ServerProcess.create(github, database, settings).start(), database);
        } catch (IOException | InterruptedException | RuntimeException e) {
            github.close();
            throw e;
        }
    }

    public Api api() {
        return server.api();
    }

    @Override
    public void close() throws Exception {
        try (FakeGitHub fake = github) {
            server.close();
        }
    }
}
