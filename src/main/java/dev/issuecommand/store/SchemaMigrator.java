package dev.issuecommand.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates or migrates the schema, one numbered script at a time, each in its own transaction with the new version:
 * the one way to do it, for the server at start ({@link SqliteStore}, {@link PostgresStore}) and for the command line
 * ({@link DirectDatabase}). Each database has its own folder of scripts (the same versions, each in its own SQL) and
 * its own way of keeping the version ({@link Dialect}). Plain JDBC only: it runs outside the server too.
 */
public final class SchemaMigrator {

    private static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__followups.sql", "V3__job_rounds.sql",
            "V4__agent_keys.sql", "V5__dashboard.sql", "V6__quarantine.sql", "V7__claim_mirror.sql");

    /** Advisory lock key: an arbitrary number that only IssueCommand uses. */
    private static final long POSTGRES_MIGRATION_LOCK = 0x1550_0001L;

    /** The databases IssueCommand keeps its data in: where their scripts are and how they keep the version. */
    public enum Dialect {
        SQLITE("db/sqlite/", new UserVersion()),
        POSTGRESQL("db/postgresql/", new VersionTable());

        private final String folder;
        private final VersionMark mark;

        Dialect(String folder, VersionMark mark) {
            this.folder = folder;
            this.mark = mark;
        }
    }

    /** Where a database keeps its schema version. */
    private interface VersionMark {

        /** The current version; may first take a lock that keeps other processes from migrating at the same time. */
        int read(Statement statement) throws SQLException;

        /** Records {@code version} in the transaction of the script that reached it. */
        void write(Statement statement, int version) throws SQLException;

        /** Releases what {@link #read} took, on the connection, which may go back to a pool. */
        void release(Connection connection) throws SQLException;
    }

    private SchemaMigrator() {
    }

    /** The schema version this IssueCommand migrates a database to. */
    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /** Applies the scripts of {@code dialect} the database on {@code connection} lacks; it is left in auto-commit. */
    public static void migrate(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int version = dialect.mark.read(statement);
            if (version > SCRIPTS.size()) {
                throw new SQLException("database schema version " + version
                        + " is newer than this IssueCommand (" + SCRIPTS.size() + ")");
            }
            for (int next = version; next < SCRIPTS.size(); next++) {
                connection.setAutoCommit(false);
                for (String sql : statements(dialect.folder + SCRIPTS.get(next))) {
                    statement.executeUpdate(sql);
                }
                dialect.mark.write(statement, next + 1);
                connection.commit();
                connection.setAutoCommit(true);
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            dialect.mark.release(connection);
        }
    }

    private static List<String> statements(String resource) throws SQLException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("missing schema script " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split("(?m)^;\\s*$"))
                    .map(s -> s.replaceAll("(?m)^--.*$", "").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new SQLException("cannot read schema script " + resource, e);
        }
    }

    /** SQLite keeps the version in the file's header ({@code PRAGMA user_version}); its write lock serializes. */
    private static final class UserVersion implements VersionMark {

        @Override
        public int read(Statement statement) throws SQLException {
            try (var rs = statement.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }

        @Override
        public void write(Statement statement, int version) throws SQLException {
            statement.executeUpdate("PRAGMA user_version = " + version);
        }

        @Override
        public void release(Connection connection) {
            // nothing held beyond the transactions
        }
    }

    /** PostgreSQL keeps it in a table, and waits for other instances' migrations on a session advisory lock. */
    private static final class VersionTable implements VersionMark {

        @Override
        public int read(Statement statement) throws SQLException {
            statement.execute("SELECT pg_advisory_lock(" + POSTGRES_MIGRATION_LOCK + ")");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            try (var rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }

        @Override
        public void write(Statement statement, int version) throws SQLException {
            statement.executeUpdate("DELETE FROM schema_version");
            statement.executeUpdate("INSERT INTO schema_version (version) VALUES (" + version + ")");
        }

        /** A pooled connection's session, and so a session lock, would live on. */
        @Override
        public void release(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
        }
    }
}
