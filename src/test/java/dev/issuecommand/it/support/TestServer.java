package dev.issuecommand.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake GitHub and the runnable jar against it, handed to test classes by {@link TestServerExtension}: one shared
 * by every class marked {@link WithSharedServer} with the same settings, or one of a class's own
 * ({@link WithOwnServer}). The fake GitHub is there from the start; the server process starts on the first call of
 * {@link #server} or {@link #api}, so a class puts its issues on the fake GitHub first and the sync at start sees them.
 * For a class marked {@link OnTwoPostgresInstances} it is two server processes on one PostgreSQL database: {@link #api}
 * then sends each request to the other instance than the last, and {@link #server} is the first instance.
 * JUnit closes it with the store that holds it: stored {@link AutoCloseable} values are closed since JUnit 5.13, which
 * deprecated {@code ExtensionContext.Store.CloseableResource} for them.
 */
public final class TestServer implements AutoCloseable {

    private final FakeGitHub github;
    private final Path database;
    private final Map<String, String> settings;
    private final boolean onTwoPostgresInstances;
    private ServerProcess server;
    private TwoInstances instances;

    private TestServer(FakeGitHub github, Path database, Map<String, String> settings, boolean onTwoPostgresInstances) {
        this.github = github;
        this.database = database;
        this.settings = Map.copyOf(settings);
        this.onTwoPostgresInstances = onTwoPostgresInstances;
    }

    /** A fake GitHub, and a server to come with the defaults of {@link ServerProcess} and {@code settings}. */
    static TestServer create(Map<String, String> settings) {
        return create(settings, false);
    }

    /** As {@link #create(Map)}; with {@code onTwoPostgresInstances}, two servers on one new PostgreSQL database. */
    static TestServer create(Map<String, String> settings, boolean onTwoPostgresInstances) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-servers")), "server-");
            return new TestServer(new FakeGitHub(), dir.resolve("issuecommand.db").toAbsolutePath(), settings,
                    onTwoPostgresInstances);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeGitHub github() {
        return github;
    }

    /** The server's SQLite file, for tests that write it from outside; there is none on PostgreSQL. */
    public Path database() {
        if (onTwoPostgresInstances) {
            throw new IllegalStateException("the data is in PostgreSQL, not in a file");
        }
        return database;
    }

    /** The stored rows, read from outside the server. */
    public StoredRows storedRows() {
        server();
        return onTwoPostgresInstances ? StoredRows.postgres(instances.databaseUrl) : StoredRows.sqlite(database);
    }

    /** The running server (on PostgreSQL, the first of the two), started on the first call. */
    public synchronized ServerProcess server() {
        if (server == null) {
            try {
                if (onTwoPostgresInstances) {
                    instances = TwoInstances.start(github, settings);
                    server = instances.a;
                } else {
                    server = ServerProcess.create(github, database, settings).start();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the servers did not start", e);
            }
        }
        return server;
    }

    /**
     * A second server process on the same SQLite file, fake GitHub and settings as {@link #server}, started now, for
     * tests of two processes sharing one file; the caller stops it. Beside a shared server this costs one start
     * instead of the two of a pair of its own.
     */
    public ServerProcess anotherProcess() throws IOException, InterruptedException {
        return anotherProcess(Map.of());
    }

    /** As {@link #anotherProcess()}, with {@code extra} settings on top of the server's. */
    public ServerProcess anotherProcess(Map<String, String> extra) throws IOException, InterruptedException {
        server();
        Map<String, String> env = new HashMap<>(settings);
        env.putAll(extra);
        return ServerProcess.create(github, database(), env).start();
    }

    /** The two processes on PostgreSQL of a class marked {@link OnTwoPostgresInstances}, started on the first call. */
    public TwoInstances instances() {
        if (!onTwoPostgresInstances) {
            throw new IllegalStateException("one process on SQLite, not two on PostgreSQL");
        }
        server();
        return instances;
    }

    /** A client of the server; on PostgreSQL, one that sends each request to the other instance than the last. */
    public Api api() {
        ServerProcess first = server();
        return onTwoPostgresInstances
                ? new Api(List.of(instances.a.base(), instances.b.base()), ServerProcess.API_KEY) : first.api();
    }

    @Override
    public synchronized void close() throws Exception {
        if (instances != null) {
            instances.close();
            return;
        }
        try (FakeGitHub fake = github) {
            if (server != null) {
                server.close();
            }
        }
    }
}
