package dev.issuecommand.followups.control;

import dev.issuecommand.followups.entity.Followup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;

/** Reads and bookkeeping of the follow-up tables: filtered queue, seen source events, history trimming. */
@ApplicationScoped
public class FollowupQueries {

    /** Filters of the follow-up list; null means any. */
    public record Filter(String repo, String status, String claimedByAgentId, Integer prNumber) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** Active follow-ups matching {@code filter} in priority order: source event type, then oldest first. */
    public List<Followup> active(EntityManager em, Filter filter) {
        StringBuilder jpql = new StringBuilder("SELECT f FROM Followup f WHERE f.active = 1");
        if (filter.repo() != null) {
            jpql.append(" AND f.repoKey = :repo");
        }
        if (filter.status() != null) {
            jpql.append(" AND f.status = :status");
        }
        if (filter.claimedByAgentId() != null) {
            jpql.append(" AND f.claimedByAgentId = :agent");
        }
        if (filter.prNumber() != null) {
            jpql.append(" AND f.prNumber = :pr");
        }
        jpql.append(" ORDER BY f.priority, f.createdAt, f.workItemId");
        TypedQuery<Followup> query = em.createQuery(jpql.toString(), Followup.class);
        if (filter.repo() != null) {
            query.setParameter("repo", filter.repo().toLowerCase(Locale.ROOT));
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.claimedByAgentId() != null) {
            query.setParameter("agent", filter.claimedByAgentId());
        }
        if (filter.prNumber() != null) {
            query.setParameter("pr", filter.prNumber());
        }
        return query.getResultList();
    }

    /** Unfinished follow-ups of one pull request, oldest first. */
    public List<Followup> activeForPr(EntityManager em, String repo, int prNumber) {
        return active(em, new Filter(repo, null, null, prNumber));
    }

    /** Active follow-ups not yet stale whose last update is older than {@code cutoff} (epoch millis). */
    public List<Followup> idleSince(EntityManager em, long cutoff) {
        return em.createQuery("SELECT f FROM Followup f WHERE f.active = 1 AND f.status <> 'stale' "
                        + "AND f.lastUpdated < :cutoff ORDER BY f.lastUpdated", Followup.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    /** How many active follow-ups are waiting for an agent (status {@code queued}). */
    public long queuedCount(EntityManager em) {
        return em.createQuery("SELECT COUNT(f) FROM Followup f WHERE f.active = 1 AND f.status = 'queued'", Long.class)
                .getSingleResult();
    }

    /**
     * Records {@code sourceEventId} as seen; false when it was seen before (then nothing may be queued for it).
     * The table is never trimmed, so this holds across restarts and history trimming.
     */
    public boolean markSourceSeen(EntityManager em, String sourceEventId, String workItemId, long now) {
        return em.createNativeQuery("INSERT INTO followup_sources (source_event_id, work_item_id, seen_at) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, sourceEventId).setParameter(2, workItemId).setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** Deletes the oldest finished follow-ups beyond {@code keep}. */
    public void trimHistory(EntityManager em, int keep) {
        // "LIMIT <max> OFFSET n": SQLite needs a LIMIT before OFFSET, and PostgreSQL takes no negative one.
        em.createNativeQuery("DELETE FROM followups WHERE active = 0 AND work_item_id IN (SELECT work_item_id "
                        + "FROM followups WHERE active = 0 ORDER BY ended_at DESC, work_item_id DESC LIMIT " + Long.MAX_VALUE
                        + " OFFSET ?1)")
                .setParameter(1, keep).executeUpdate();
    }
}
