package dev.issuecommand.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Named runtime values kept in SQLite ({@code total_claims}, {@code last_github_sync_at}), read and written in the caller's transaction. */
@ApplicationScoped
public class RuntimeCounters {

    public static final String TOTAL_CLAIMS = "total_claims";
    public static final String LAST_GITHUB_SYNC_AT = "last_github_sync_at";

    public void increment(EntityManager em, String name) {
        int updated = em.createNativeQuery(
                        "UPDATE runtime_counters SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE name = ?1")
                .setParameter(1, name).executeUpdate();
        if (updated == 0) {
            set(em, name, "1");
        }
    }

    public void set(EntityManager em, String name, String value) {
        em.createNativeQuery("INSERT INTO runtime_counters (name, value) VALUES (?1, ?2) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .setParameter(1, name).setParameter(2, value).executeUpdate();
    }

    public Optional<String> get(EntityManager em, String name) {
        List<?> rows = em.createNativeQuery("SELECT value FROM runtime_counters WHERE name = ?1")
                .setParameter(1, name).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0).toString());
    }
}
