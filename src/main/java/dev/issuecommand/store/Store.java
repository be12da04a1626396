package dev.issuecommand.store;

import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * What differs between the two databases IssueCommand keeps its data in (docs/behaviour.md §12): SQLite, one file
 * shared by the processes of one host ({@link SqliteStore}), and PostgreSQL, shared by instances on any number of
 * hosts ({@link PostgresStore}). {@link Database} runs every transaction the same way on both and asks this type
 * only where they differ.
 */
interface Store {

    /** Creates or migrates the schema and checks the data; any problem stops the start. */
    void prepare() throws Exception;

    /** The persistence-unit properties that point EclipseLink at this database. */
    Map<String, Object> persistenceProperties();

    /** Waits for this process's turn to write; the turn ends when the write transaction has ended. */
    Turn awaitWriteTurn();

    /** The first statement of every write transaction. */
    void beginWrite(EntityManager em);

    /** Runs once a write transaction has committed; never fails the write. */
    void afterCommit();

    /** Whether a write transaction that failed with {@code error} may run again from the start. */
    boolean retryable(RuntimeException error);

    /**
     * Called in a write transaction before it appends an event: from here to its commit no other transaction appends
     * one, so event ids increase in commit order and a reader tailing by id never skips one.
     */
    void orderEvents(EntityManager em);

    /** Whether changes lock their rows one by one (PostgreSQL), rather than the whole database (SQLite). */
    boolean locksRows();

    /**
     * From here to its commit, no other write transaction that names the same {@code key} runs past this point
     * (PostgreSQL: a transaction-scoped advisory lock on the key's hash; SQLite: one writer at a time anyway).
     */
    void serializeOn(EntityManager em, String key);

    /**
     * Tries to lock one row of {@code table} for this write transaction without waiting: false when another
     * transaction holds it (PostgreSQL's {@code FOR UPDATE SKIP LOCKED}; on SQLite the transaction holds the file).
     */
    boolean tryLockRow(EntityManager em, String table, String idColumn, String id);

    /**
     * Asks to have {@code wake} run whenever any process commits an event, when this database can say so; false when
     * it cannot (then the event log must be polled).
     */
    boolean notifyOnEvents(Runnable wake);

    /** A number that moves whenever committed data changes (in any process), read on {@code em}. */
    long version(EntityManager em);

    /** Whether the data's storage is still where it was opened (a query answering is checked separately). */
    boolean inPlace();

    /** Where the data lives, for the start-up log line: never a password. */
    String describe();

    void close();

    /** A turn to write; closing it lets the next writer go. */
    interface Turn extends AutoCloseable {

        @Override
        void close();
    }
}
