package dev.issuecommand.store;

import dev.issuecommand.config.settings.PostgresTarget;
import dev.issuecommand.config.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.Driver;

/**
 * The database of the settings opened with plain JDBC, for a command run beside the server or without it (the
 * {@code agents} command line; docs/behaviour.md §12, §14). The schema is created or migrated as at server start
 * ({@link SchemaMigrator}); write transactions take the same turns and locks and move the same data version as the
 * server's ({@link StoreStatements}), so that every server sharing the database sees a change at once. One
 * connection, no pool, no JPA: the command starts quickly and needs nothing of the application server.
 */
public final class DirectDatabase implements AutoCloseable {

    private final Connection connection;
    private final boolean postgres;
    private final WriterQueue writers;
    private final String description;

    /** One unit of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private DirectDatabase(Connection connection, boolean postgres, WriterQueue writers, String description) {
        this.connection = connection;
        this.postgres = postgres;
        this.writers = writers;
        this.description = description;
    }

    /** Connects to the database of {@code settings} and brings its schema up to date. */
    public static DirectDatabase open(Settings settings) throws SQLException {
        PostgresTarget target = settings.postgres();
        if (target == null) {
            Path file = Path.of(settings.sqlitePath()).toAbsolutePath();
            createParent(file);
            loadSqliteDriver();
            Connection connection = DriverManager.getConnection(StoreStatements.sqliteUrl(settings));
            return migrated(new DirectDatabase(connection, false, WriterQueue.beside(file),
                    "sqlite:" + settings.sqlitePath()), SchemaMigrator.Dialect.SQLITE);
        }
        Connection connection = new Driver().connect(target.jdbcUrl(), target.connectionProperties("issuecommand-cli"));
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not take " + target.where());
        }
        return migrated(new DirectDatabase(connection, true, null, "postgresql:" + target.where()),
                SchemaMigrator.Dialect.POSTGRESQL);
    }

    private static DirectDatabase migrated(DirectDatabase database, SchemaMigrator.Dialect dialect)
            throws SQLException {
        try {
            SchemaMigrator.migrate(database.connection, dialect);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Where the data lives, for messages: never a password. */
    public String describe() {
        return description;
    }

    /** Runs {@code work} outside any write transaction. */
    public <T> T read(Work<T> work) throws SQLException {
        return work.apply(connection);
    }

    /** Runs {@code work} in one write transaction, in turn with every other writer of the database. */
    public <T> T write(Work<T> work) throws SQLException {
        WriterQueue.Turn turn = writers == null ? () -> { } : writers.await();
        try (turn; Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute(postgres ? StoreStatements.POSTGRES_MOVE_VERSION
                        : StoreStatements.SQLITE_BEGIN_WRITE);
                T result = work.apply(connection);
                connection.commit();
                if (postgres) {
                    statement.execute(StoreStatements.POSTGRES_MOVE_VERSION);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Appends an event (its JSON as the event log keeps it) in the write transaction running {@code work}, in commit
     * order with every other process's events.
     */
    public void appendEvent(Connection transaction, String type, long nowMillis, String payload) throws SQLException {
        if (postgres) {
            try (Statement statement = transaction.createStatement()) {
                statement.execute(StoreStatements.POSTGRES_ORDER_EVENTS);
            }
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO events (type, created_at, payload) VALUES (?, ?, ?)")) {
            insert.setString(1, type);
            insert.setLong(2, nowMillis);
            insert.setString(3, payload);
            insert.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (writers != null) {
                writers.close();
            }
        }
    }

    private static void createParent(Path file) throws SQLException {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Registers SQLite's driver with {@link DriverManager}, which does not see its service entry from here. */
    private static void loadSqliteDriver() throws SQLException {
        try {
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the SQLite JDBC driver is missing", e);
        }
    }
}
