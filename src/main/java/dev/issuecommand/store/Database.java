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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The database behind every feature (docs/behaviour.md §12): SQLite at {@code SQLITE_PATH}, or PostgreSQL when
 * {@code DATABASE_URL} is set ({@link Store}). Creates or migrates the schema, builds the persistence unit, and runs
 * work in read or write transactions, the same way on both; a write transaction that the database asks to run again
 * (SQLite busy, a PostgreSQL deadlock or serialization failure) runs again from the start.
 */
@ApplicationScoped
public class Database {

    private static final int WRITE_RETRIES = 20;

    private Store store;
    private EntityManagerFactory factory;

    @Inject
    Settings settings;

    /** Opens the database; called once at start by {@link DatabaseStartup}. */
    synchronized void open() {
        if (factory != null) {
            return;
        }
        store = settings.postgres() == null ? new SqliteStore(settings) : new PostgresStore(settings.postgres());
        try {
            store.prepare();
        } catch (Exception e) {
            throw FatalStartup.stop("Cannot open the database at " + store.describe() + ": " + e.getMessage(), e);
        }
        Map<String, Object> properties = new HashMap<>(store.persistenceProperties());
        properties.put("eclipselink.persistencexml", "META-INF/issuecommand-persistence.xml");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.jdbc.bind-parameters", "true");
        properties.put("eclipselink.session-name", "issuecommand");
        properties.put("eclipselink.register.dev.mbean", "false");
        properties.put("eclipselink.register.run.mbean", "false");
        factory = new PersistenceProvider().createEntityManagerFactory("issuecommand", properties);
        if (factory == null) {
            throw FatalStartup.stop("Persistence unit issuecommand could not be created", null);
        }
        JsonLog.info("database.opened", "store", store.describe());
    }

    /** Runs {@code work} in one write transaction, run again while the database asks for it. */
    public <T> T write(Function<EntityManager, T> work) {
        try (Store.Turn turn = store.awaitWriteTurn()) {
            for (int attempt = 0; ; attempt++) {
                EntityManager em = factory.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                try {
                    tx.begin();
                    store.beginWrite(em);
                    T result = work.apply(em);
                    tx.commit();
                    store.afterCommit();
                    return result;
                } catch (RuntimeException e) {
                    rollback(tx, e);
                    if (attempt < WRITE_RETRIES && store.retryable(e)) {
                        continue;
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }
        }
    }

    /**
     * Rolls back after {@code failure}; a rollback that fails too (the connection went away with the database) is
     * kept with it, so the caller still sees why the transaction failed.
     */
    private static void rollback(EntityTransaction tx, RuntimeException failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
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
     * Called by a write transaction before it appends an event, so that event ids increase in commit order (a reader
     * tailing the log by id then never skips an event committed late).
     */
    public void orderEvents(EntityManager em) {
        store.orderEvents(em);
    }

    /**
     * Runs {@code wake} whenever any process commits an event, if the database can tell (PostgreSQL); false when it
     * cannot (SQLite), and the event log must then be polled.
     */
    public boolean notifyOnEvents(Runnable wake) {
        return store.notifyOnEvents(wake);
    }

    /** Whether changes lock their rows one by one (PostgreSQL) rather than the whole database (SQLite). */
    public boolean locksRows() {
        return store.locksRows();
    }

    /**
     * From here to its commit, no other write transaction that names the same {@code key} runs past this point: a
     * check-then-insert on that key (one active claim per issue) then sees the other's commit instead of failing on
     * the unique index.
     */
    public void serializeOn(EntityManager em, String key) {
        store.serializeOn(em, key);
    }

    /**
     * Locks one row of {@code table} for the caller's write transaction unless another transaction holds it; false
     * then, at once, so that callers choosing among several rows (who gets the next follow-up) take another one
     * instead of queueing behind each other.
     */
    public boolean tryLockRow(EntityManager em, String table, String idColumn, String id) {
        return store.tryLockRow(em, table, idColumn, id);
    }

    /**
     * A number that moves whenever committed data changes, in any process: anything computed from the data can be
     * kept until it moves on.
     */
    public long version() {
        return read(store::version);
    }

    /**
     * The readiness check, cheap enough to poll every second: true while the data's storage is still in place and a
     * read of it answers on a pooled connection. A deleted or moved SQLite file, a missing directory, an unreachable
     * PostgreSQL or a failing read makes it false; no connection is opened per check.
     */
    public boolean reachable() {
        try {
            version();
            return store.inPlace();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
