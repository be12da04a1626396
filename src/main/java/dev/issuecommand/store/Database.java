package dev.issuecommand.store;

import dev.issuecommand.config.FatalStartup;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
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
import java.util.function.Function;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The SQLite database behind every feature (docs/behaviour.md §12): creates the schema, builds the persistence unit,
 * and runs work in read or write transactions. A write transaction writes first (it bumps the {@code write_lock} row),
 * so it takes SQLite's write lock before it reads anything: exclusivity then holds across threads and across processes
 * sharing the file, and busy_timeout queues writers instead of failing them with {@code SQLITE_BUSY_SNAPSHOT}.
 * Writers of all processes first queue on an OS file lock ({@link WriterQueue}): SQLite's busy handler only polls,
 * so without it a process whose writers hand the lock to each other starves the other process's writers.
 */
@ApplicationScoped
public class Database {

    private static final int BUSY_RETRIES = 20;
    private static final int READ_CONNECTIONS = 8;

    private final ReentrantLock localWriters = new ReentrantLock(true);
    private WriterQueue writerQueue;
    private EntityManagerFactory factory;
    private Path file;

    @Inject
    Settings settings;

    /** Opens the database; called once at start by {@link DatabaseStartup}. */
    synchronized void open() {
        if (factory != null) {
            return;
        }
        file = Path.of(settings.sqlitePath()).toAbsolutePath();
        String url = jdbcUrl(settings);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // DriverManager finds service-loaded drivers once per JVM: a redeployed WAR must register its own.
            Class.forName("org.sqlite.JDBC");
            writerQueue = WriterQueue.beside(file);
            try (Connection connection = DriverManager.getConnection(url)) {
                SchemaMigrator.migrate(connection);
                IntegrityCheck.verify(connection);
            }
        } catch (Exception e) {
            throw FatalStartup.stop("Cannot open SQLite database at " + settings.sqlitePath() + ": " + e.getMessage(), e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.persistencexml", "META-INF/issuecommand-persistence.xml");
        properties.put("jakarta.persistence.jdbc.driver", "org.sqlite.JDBC");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("eclipselink.target-database", SqlitePlatform.class.getName());
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.connection-pool.default.initial", "1");
        properties.put("eclipselink.connection-pool.default.min", "1");
        properties.put("eclipselink.connection-pool.default.max", "4");
        // EclipseLink closes a released connection while more than min are open, and opens and closes connections
        // while holding the pool's lock: with min below max, concurrent readers spent their time queued on that lock
        // behind SQLite opening files. Every read connection opened is kept (WAL lets them all read at once).
        properties.put("eclipselink.connection-pool.read.initial", "1");
        properties.put("eclipselink.connection-pool.read.min", String.valueOf(READ_CONNECTIONS));
        properties.put("eclipselink.connection-pool.read.max", String.valueOf(READ_CONNECTIONS));
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.jdbc.bind-parameters", "true");
        properties.put("eclipselink.jdbc.cache-statements", "true");
        properties.put("eclipselink.session-name", "issuecommand");
        properties.put("eclipselink.register.dev.mbean", "false");
        properties.put("eclipselink.register.run.mbean", "false");
        factory = new PersistenceProvider().createEntityManagerFactory("issuecommand", properties);
        if (factory == null) {
            throw FatalStartup.stop("Persistence unit issuecommand could not be created", null);
        }
        JsonLog.info("database.opened", "path", settings.sqlitePath(), "journal_mode", settings.sqliteJournalMode());
    }

    static String jdbcUrl(Settings settings) {
        String journal = settings.sqliteJournalMode().toLowerCase(java.util.Locale.ROOT);
        // synchronous=NORMAL in WAL mode keeps every committed transaction across a process crash (kill -9).
        String synchronous = "wal".equals(journal) ? "NORMAL" : "FULL";
        return "jdbc:sqlite:" + Path.of(settings.sqlitePath()).toAbsolutePath()
                + "?journal_mode=" + journal
                + "&busy_timeout=" + settings.sqliteBusyTimeoutMs()
                + "&synchronous=" + synchronous
                + "&foreign_keys=on";
    }

    /** Runs {@code work} in one write transaction, retried while SQLite reports the file busy. */
    public <T> T write(Function<EntityManager, T> work) {
        localWriters.lock();
        try (WriterQueue.Turn turn = writerQueue.await()) {
            for (int attempt = 0; ; attempt++) {
                EntityManager em = factory.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                try {
                    tx.begin();
                    takeWriteLock(em);
                    T result = work.apply(em);
                    tx.commit();
                    return result;
                } catch (RuntimeException e) {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                    if (attempt < BUSY_RETRIES && SqliteErrors.isBusy(e)) {
                        continue;
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }
        } finally {
            localWriters.unlock();
        }
    }

    /**
     * The transaction's first statement: bumping the {@code write_lock} counter takes SQLite's write lock. Sent on
     * the transaction's own JDBC connection, without EclipseLink's query machinery, which cost more than the statement.
     */
    private static void takeWriteLock(EntityManager em) {
        try (Statement statement = em.unwrap(Connection.class).createStatement()) {
            statement.executeUpdate("UPDATE write_lock SET n = n + 1 WHERE id = 1");
        } catch (SQLException e) {
            throw new PersistenceException("Cannot take the database's write lock", e);
        }
    }

    /** Runs {@code work} on a consistent snapshot without taking the write lock. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * How many write transactions any process has committed to this file: it changes whenever the data does, so
     * anything computed from the data can be kept until it moves on.
     */
    public long version() {
        return read(em -> ((Number) em.createNativeQuery("SELECT n FROM write_lock WHERE id = 1").getSingleResult())
                .longValue());
    }

    /**
     * The readiness check, cheap enough to poll every second: true while the database file is still in place and a
     * read of it answers on a pooled connection. A deleted or moved file, a missing directory or a failing read
     * makes it false; no connection is opened per check.
     */
    public boolean reachable() {
        try {
            version();
            return Files.isRegularFile(file);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
        if (writerQueue != null) {
            writerQueue.close();
        }
    }
}
