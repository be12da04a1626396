package dev.issuecommand.store;

import dev.issuecommand.config.settings.Settings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite at {@code SQLITE_PATH} (docs/behaviour.md §12). A write transaction writes first (it bumps the
 * {@code write_lock} row), so it takes SQLite's write lock before it reads anything: exclusivity then holds across
 * threads and across processes sharing the file, and busy_timeout queues writers instead of failing them with
 * {@code SQLITE_BUSY_SNAPSHOT}. Writers of all processes first queue on an OS file lock ({@link WriterQueue}):
 * SQLite's busy handler only polls, so without it a process whose writers hand the lock to each other starves the
 * other process's writers. The {@code write_lock} counter is also the data's version.
 */
final class SqliteStore implements Store {

    private static final int READ_CONNECTIONS = 8;

    private final Settings settings;
    private final Path file;
    private final ReentrantLock localWriters = new ReentrantLock(true);
    private WriterQueue writerQueue;

    SqliteStore(Settings settings) {
        this.settings = settings;
        this.file = Path.of(settings.sqlitePath()).toAbsolutePath();
    }

    @Override
    public void prepare() throws Exception {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // DriverManager finds service-loaded drivers once per JVM: a redeployed WAR must register its own.
        Class.forName("org.sqlite.JDBC");
        writerQueue = WriterQueue.beside(file);
        try (Connection connection = DriverManager.getConnection(StoreStatements.sqliteUrl(settings))) {
            SchemaMigrator.migrate(connection, SchemaMigrator.Dialect.SQLITE);
            IntegrityCheck.verify(connection);
        }
    }

    @Override
    public Map<String, Object> persistenceProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.driver", "org.sqlite.JDBC");
        properties.put("jakarta.persistence.jdbc.url", StoreStatements.sqliteUrl(settings));
        properties.put("eclipselink.target-database", SqlitePlatform.class.getName());
        properties.put("eclipselink.connection-pool.default.initial", "1");
        properties.put("eclipselink.connection-pool.default.min", "1");
        properties.put("eclipselink.connection-pool.default.max", "4");
        // EclipseLink closes a released connection while more than min are open, and opens and closes connections
        // while holding the pool's lock: with min below max, concurrent readers spent their time queued on that lock
        // behind SQLite opening files. Every read connection opened is kept (WAL lets them all read at once).
        properties.put("eclipselink.connection-pool.read.initial", "1");
        properties.put("eclipselink.connection-pool.read.min", String.valueOf(READ_CONNECTIONS));
        properties.put("eclipselink.connection-pool.read.max", String.valueOf(READ_CONNECTIONS));
        properties.put("eclipselink.jdbc.cache-statements", "true");
        return properties;
    }

    @Override
    public Turn awaitWriteTurn() {
        localWriters.lock();
        try {
            WriterQueue.Turn turn = writerQueue.await();
            return () -> {
                try {
                    turn.close();
                } finally {
                    localWriters.unlock();
                }
            };
        } catch (RuntimeException e) {
            localWriters.unlock();
            throw e;
        }
    }

    /**
     * Bumping the {@code write_lock} counter takes SQLite's write lock. Sent on the transaction's own JDBC connection,
     * without EclipseLink's query machinery, which cost more than the statement.
     */
    @Override
    public void beginWrite(EntityManager em) {
        try (Statement statement = em.unwrap(Connection.class).createStatement()) {
            statement.executeUpdate(StoreStatements.SQLITE_BEGIN_WRITE);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot take the database's write lock", e);
        }
    }

    @Override
    public void afterCommit() {
        // the write_lock counter moved inside the transaction
    }

    @Override
    public boolean retryable(RuntimeException error) {
        return StoreErrors.isBusy(error);
    }

    @Override
    public void orderEvents(EntityManager em) {
        // one writer at a time holds the file: ids are already in commit order
    }

    @Override
    public boolean locksRows() {
        return false;
    }

    @Override
    public void serializeOn(EntityManager em, String key) {
        // the write transaction already holds the file
    }

    @Override
    public boolean tryLockRow(EntityManager em, String table, String idColumn, String id) {
        return true;
    }

    @Override
    public boolean notifyOnEvents(Runnable wake) {
        return false;
    }

    @Override
    public long version(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT n FROM write_lock WHERE id = 1").getSingleResult()).longValue();
    }

    @Override
    public boolean inPlace() {
        return Files.isRegularFile(file);
    }

    @Override
    public String describe() {
        return "sqlite:" + settings.sqlitePath() + " (journal_mode " + settings.sqliteJournalMode() + ")";
    }

    @Override
    public void close() {
        if (writerQueue != null) {
            writerQueue.close();
        }
    }
}
