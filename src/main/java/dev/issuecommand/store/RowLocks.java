package dev.issuecommand.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Row locks for changes to a claim or follow-up (docs/behaviour.md §12). On PostgreSQL they are
 * {@code SELECT … FOR UPDATE}: two instances changing one row take turns on that row, and the second sees the first's
 * committed change. On SQLite the write transaction already holds the whole file, so the same calls only read.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** Loads the row with {@code id} under a row lock; null when there is none. */
    public static <T> T find(EntityManager em, Class<T> type, Object id) {
        return em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Re-reads {@code entity} under a row lock unless this transaction holds that lock already: a row read from a list
     * may have been changed by another instance since.
     */
    public static void lockFresh(EntityManager em, Object entity) {
        if (em.getLockMode(entity) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
    }
}
