package dev.issuecommand.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fake GitHub and the runnable jar against it, handed to test classes by {@link TestServerExtension}: one shared
 * by every class marked {@link WithSharedServer} with the same settings, or one of a class's own
 * ({@link WithOwnServer}). The fake GitHub is there from the start; the server process starts on the first call of
 * {@link #server} or {@link #api}, so a class puts its issues on the fake GitHub first and the sync at start sees them.
 * JUnit closes it with the store that holds it: stored {@link AutoCloseable} values are closed since JUnit 5.13, which
 * deprecated {@code ExtensionContext.Store.CloseableResource} for them.
 */
public final class TestServer implements AutoCloseable {

    private final FakeGitHub github;
    private final Path database;
    private final Map<String, String> settings;
    private ServerProcess server;

    private TestServer(FakeGitHub github, Path database, Map<String, String> settings) {
        this.github = github;
        this.database = database;
        this.settings = Map.copyOf(settings);
    }

    /** A fake GitHub, and a server to come with the defaults of {@link ServerProcess} and {@code settings}. */
    static TestServer create(Map<String, String> settings) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-servers")), "server-");
            return new TestServer(new FakeGitHub(), dir.resolve("issuecommand.db").toAbsolutePath(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeGitHub github() {
        return github;
    }

    /** The server's SQLite file, for tests that read or write it from outside. */
    public Path database() {
        return database;
    }

    /** The running server, started on the first call. */
    public synchronized ServerProcess server() {
        if (server == null) {
            try {
                server = ServerProcess.create(github, database, settings).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    public Api api() {
        return server().api();
    }

    @Override
    public synchronized void close() throws Exception {
        try (FakeGitHub fake = github) {
            if (server != null) {
                server.close();
            }
        }
    }
}
