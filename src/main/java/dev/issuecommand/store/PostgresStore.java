package dev.issuecommand.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.issuecommand.config.settings.PostgresTarget;
import dev.issuecommand.logging.JsonLog;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/**
 * PostgreSQL at {@code DATABASE_URL} (docs/behaviour.md §12), shared by any number of instances. Writers do not queue
 * behind each other: exclusivity comes from the partial unique index (one active claim per issue) and from row locks
 * ({@code SELECT … FOR UPDATE}) taken where a row is changed. The data's version is the sequence {@code data_version},
 * moved at the start of every write transaction and again once it committed, so a value read before a commit never
 * stands for data after it. Event ids are handed out under a transaction-scoped advisory lock, so they increase in
 * commit order, and every instance learns of them through {@code LISTEN/NOTIFY} ({@link EventNotifications}).
 * Connections come from HikariCP ({@code DATABASE_POOL_SIZE}), which checks a connection before lending it, so the
 * pool recovers by itself when the database comes back after a restart.
 */
final class PostgresStore implements Store {

    /** Advisory lock keys: arbitrary numbers that only IssueCommand uses. */
    private static final long MIGRATION_LOCK = 0x1550_0001L;
    private static final long EVENT_ORDER_LOCK = 0x1550_0002L;
    private static final int KEYED_LOCKS = 0x1550;
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final long CONNECTION_WAIT_MILLIS = 5_000;

    /** Waits for other instances' migrations; {@link #prepare} releases the lock once the schema is current. */
    private static final SchemaMigrator.VersionMark VERSION_TABLE = new SchemaMigrator.VersionMark() {
        @Override
        public int read(Statement statement) throws SQLException {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
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
    };

    private final PostgresTarget target;
    private HikariDataSource dataSource;
    private EventNotifications notifications;

    PostgresStore(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public void prepare() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setPoolName("issuecommand");
        // the driver by class: DriverManager would look in the classes of whoever loaded java.sql first, not the WAR's
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
        }
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(target.poolSize());
        config.setMinimumIdle(Math.min(2, target.poolSize()));
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.addDataSourceProperty("ApplicationName", "issuecommand");
        dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection()) {
            try {
                SchemaMigrator.migrate(connection, "db/postgresql/", VERSION_TABLE);
                IntegrityCheck.verify(connection);
            } finally {
                releaseMigrationLock(connection);
            }
        }
    }

    /** The connection goes back to the pool, where its session, and so a session lock, would live on. */
    private static void releaseMigrationLock(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
    }

    @Override
    public Map<String, Object> persistenceProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.target-database", PostgreSQLPlatform.class.getName());
        return properties;
    }

    @Override
    public Turn awaitWriteTurn() {
        return () -> { };
    }

    @Override
    public void beginWrite(EntityManager em) {
        execute(em, "SELECT nextval('data_version')");
    }

    @Override
    public void afterCommit() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT nextval('data_version')");
        } catch (SQLException e) {
            // the version already moved when the transaction began; kept answers are refreshed by the next write
            JsonLog.warn("database.version_not_moved", "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean retryable(RuntimeException error) {
        String state = StoreErrors.sqlState(error);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    @Override
    public void orderEvents(EntityManager em) {
        execute(em, "SELECT pg_advisory_xact_lock(" + EVENT_ORDER_LOCK + "), pg_notify('"
                + EventNotifications.CHANNEL + "', '')");
    }

    @Override
    public boolean locksRows() {
        return true;
    }

    @Override
    public void serializeOn(EntityManager em, String key) {
        // the two-number form: its keys never meet the one-number keys of the migration and event locks
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + KEYED_LOCKS + ", hashtext(?1))) AS locked")
                .setParameter(1, key).getSingleResult();
    }

    @Override
    public boolean tryLockRow(EntityManager em, String table, String idColumn, String id) {
        return !em.createNativeQuery("SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList().isEmpty();
    }

    @Override
    public synchronized boolean notifyOnEvents(Runnable wake) {
        if (notifications == null) {
            notifications = EventNotifications.start(target, wake);
        }
        return true;
    }

    @Override
    public long version(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT last_value FROM data_version").getSingleResult()).longValue();
    }

    @Override
    public boolean inPlace() {
        return true;
    }

    @Override
    public String describe() {
        return "postgresql:" + target.where();
    }

    @Override
    public synchronized void close() {
        if (notifications != null) {
            notifications.stop();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static void execute(EntityManager em, String sql) {
        try (Statement statement = em.unwrap(Connection.class).createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PersistenceException("PostgreSQL refused a lock or sequence step", e);
        }
    }
}
