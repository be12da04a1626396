package dev.issuecommand.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Row locks for changes to a claim or follow-up (docs/behaviour.md §12). On PostgreSQL they are
 * {@code SELECT … FOR UPDATE}: two instances changing one row take turns on that row, and the second sees the first's
 * committed change. On SQLite a write transaction holds the whole file from its first statement, so every row it
 * reads is current and these are plain reads.
 */
@ApplicationScoped
public class RowLocks {

    @Inject
    Database database;

    /** Loads the row with {@code id} in the caller's write transaction, locked where locks are per row; null when none. */
    public <T> T find(EntityManager em, Class<T> type, Object id) {
        return database.locksRows() ? em.find(type, id, LockModeType.PESSIMISTIC_WRITE) : em.find(type, id);
    }

    /**
     * Where locks are per row, re-reads {@code entity} under its lock unless this transaction holds that lock already:
     * a row read from a list may have been changed by another instance since.
     */
    public void lockFresh(EntityManager em, Object entity) {
        if (database.locksRows() && em.getLockMode(entity) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
    }
}
