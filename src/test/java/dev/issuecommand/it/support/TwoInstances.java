package dev.issuecommand.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two server processes on one fresh PostgreSQL database and one fake GitHub, for one test class. Both are launched
 * at the same moment, so they also apply the schema to the empty database at the same time. They are told where the
 * database is in the two ways the settings allow: A by {@code postgresql://user:password@host:port/name}, B by
 * {@code jdbc:postgresql://host:port/name?user=…} with the password in a file ({@code DATABASE_PASSWORD_FILE}).
 */
public final class TwoInstances implements AutoCloseable {

    public final FakeGitHub github;
    /** The database both use, as {@code postgresql://user:password@host:port/name}. */
    public final String databaseUrl;
    public final ServerProcess a;
    public final ServerProcess b;

    private TwoInstances(FakeGitHub github, String databaseUrl, ServerProcess a, ServerProcess b) {
        this.github = github;
        this.databaseUrl = databaseUrl;
        this.a = a;
        this.b = b;
    }

    /** Starts both with {@code settings} on top of the defaults of {@link ServerProcess} and a new database. */
    public static TwoInstances start(Map<String, String> settings) throws Exception {
        return start(new FakeGitHub(), settings);
    }

    /** As {@link #start(Map)}, against {@code github}, which the result closes. */
    public static TwoInstances start(FakeGitHub github, Map<String, String> settings) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-servers")), "postgres-");
        String databaseUrl = Postgres.newDatabaseUrl();
        Map<String, String> envA = new HashMap<>(settings);
        envA.put("DATABASE_URL", databaseUrl);
        URI url = URI.create(databaseUrl);
        Map<String, String> envB = new HashMap<>(settings);
        envB.put("DATABASE_URL", "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath()
                + "?user=" + url.getUserInfo().split(":")[0]);
        envB.put("DATABASE_PASSWORD_FILE", Files.writeString(dir.resolve("password"), Postgres.password() + "\n")
                .toAbsolutePath().toString());
        // the SQLite path is unused with DATABASE_URL; it only gives each process its folder for logs
        ServerProcess a = ServerProcess.create(github, dir.resolve("a/unused.db"), envA);
        ServerProcess b = ServerProcess.create(github, dir.resolve("b/unused.db"), envB);
        CompletableFuture<ServerProcess> startA = CompletableFuture.supplyAsync(() -> started(a));
        CompletableFuture<ServerProcess> startB = CompletableFuture.supplyAsync(() -> started(b));
        try {
            CompletableFuture.allOf(startA, startB).join();
        } catch (CompletionException e) {
            try (github; a; b) {
                throw e;
            }
        }
        return new TwoInstances(github, databaseUrl, a, b);
    }

    private static ServerProcess started(ServerProcess server) {
        try {
            return server.start();
        } catch (IOException | InterruptedException e) {
            throw new CompletionException(e);
        }
    }

    /** The end of both processes' stderr, to go with a failure. */
    public String stderrTails() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (ServerProcess server : new ServerProcess[] {a, b}) {
            String text = server.stderrText();
            logs.append("\n--- stderr of ").append(server.base()).append(" (tail) ---\n")
                    .append(text.substring(Math.max(0, text.length() - 6000)));
        }
        return logs.toString();
    }

    @Override
    public void close() throws Exception {
        try (github; a; b) {
            // closes all three, the servers first
        }
    }
}
