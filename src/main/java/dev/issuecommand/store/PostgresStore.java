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

    /** Advisory lock key: an arbitrary number that only IssueCommand uses (see also {@link StoreStatements}). */
    private static final int KEYED_LOCKS = 0x1550;
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final long CONNECTION_WAIT_MILLIS = 5_000;

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
            SchemaMigrator.migrate(connection, SchemaMigrator.Dialect.POSTGRESQL);
            IntegrityCheck.verify(connection);
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
        execute(em, StoreStatements.POSTGRES_MOVE_VERSION);
    }

    @Override
    public void afterCommit() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(StoreStatements.POSTGRES_MOVE_VERSION);
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
        execute(em, StoreStatements.POSTGRES_ORDER_EVENTS);
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
