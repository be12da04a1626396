package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.HistoryPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads of the claims table: the active claim of an issue, filtered lists, paged history, and history trimming. */
@ApplicationScoped
public class ClaimQueries {

    /** Filters of the claim lists; null means any. */
    public record Filter(String agentId, String repo, String status) {
    }

    public Optional<Claim> activeFor(EntityManager em, String repoKey, int issueNumber) {
        return em.createQuery("SELECT c FROM Claim c WHERE c.active = 1 AND c.repoKey = :repo "
                        + "AND c.issueNumber = :number", Claim.class)
                .setParameter("repo", repoKey)
                .setParameter("number", issueNumber)
                .getResultStream().findFirst();
    }

    /** Active claims matching {@code filter}, oldest claim first. */
    public List<Claim> active(EntityManager em, Filter filter) {
        StringBuilder jpql = new StringBuilder("SELECT c FROM Claim c WHERE c.active = 1");
        if (filter.agentId() != null) {
            jpql.append(" AND c.agentId = :agent");
        }
        if (filter.repo() != null) {
            jpql.append(" AND c.repoKey = :repo");
        }
        if (filter.status() != null) {
            jpql.append(" AND c.status = :status");
        }
        jpql.append(" ORDER BY c.claimedAt, c.claimId");
        TypedQuery<Claim> query = em.createQuery(jpql.toString(), Claim.class);
        if (filter.agentId() != null) {
            query.setParameter("agent", filter.agentId());
        }
        if (filter.repo() != null) {
            query.setParameter("repo", filter.repo().toLowerCase(Locale.ROOT));
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        return query.getResultList();
    }

    /** One page of finished claims, newest first; {@code cursor} comes from the previous page. */
    public HistoryPage history(EntityManager em, Filter filter, int limit, String cursor) {
        StringBuilder jpql = new StringBuilder("SELECT c FROM Claim c WHERE c.active = 0");
        if (filter.agentId() != null) {
            jpql.append(" AND c.agentId = :agent");
        }
        if (filter.repo() != null) {
            jpql.append(" AND c.repoKey = :repo");
        }
        Optional<long[]> after = Optional.empty();
        String afterId = null;
        if (cursor != null) {
            String[] parts = decode(cursor);
            after = Optional.of(new long[] {Long.parseLong(parts[0])});
            afterId = parts[1];
            jpql.append(" AND (c.endedAt < :endedAt OR (c.endedAt = :endedAt AND c.claimId < :claimId))");
        }
        jpql.append(" ORDER BY c.endedAt DESC, c.claimId DESC");
        TypedQuery<Claim> query = em.createQuery(jpql.toString(), Claim.class).setMaxResults(limit + 1);
        if (filter.agentId() != null) {
            query.setParameter("agent", filter.agentId());
        }
        if (filter.repo() != null) {
            query.setParameter("repo", filter.repo().toLowerCase(Locale.ROOT));
        }
        if (after.isPresent()) {
            query.setParameter("endedAt", after.get()[0]).setParameter("claimId", afterId);
        }
        List<Claim> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Claim last = rows.get(limit - 1);
            next = encode(last.endedAt() + ":" + last.claimId());
        }
        return new HistoryPage(rows.stream().map(Claim::view).toList(), next);
    }

    /** True when {@code cursor} is one this class produced. */
    public static boolean validCursor(String cursor) {
        try {
            String[] parts = decode(cursor);
            Long.parseLong(parts[0]);
            return parts[1].length() <= 64;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Deletes the oldest finished claims beyond {@code keep}. */
    public void trimHistory(EntityManager em, int keep) {
        // "LIMIT <max> OFFSET n": SQLite needs a LIMIT before OFFSET, and PostgreSQL takes no negative one.
        em.createNativeQuery("DELETE FROM claims WHERE active = 0 AND claim_id IN (SELECT claim_id FROM claims "
                        + "WHERE active = 0 ORDER BY ended_at DESC, claim_id DESC LIMIT " + Long.MAX_VALUE + " OFFSET ?1)")
                .setParameter(1, keep).executeUpdate();
    }

    /** Numbers for {@code /api/health} and {@code /metrics}: active claims, distinct agents among them, stale ones. */
    public long[] activeCounts(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COUNT(DISTINCT agent_id), "
                + "COALESCE(SUM(CASE WHEN status = 'stale' THEN 1 ELSE 0 END), 0) FROM claims WHERE active = 1")
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    public static List<ClaimView> views(List<Claim> claims) {
        return claims.stream().map(Claim::view).toList();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad cursor");
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }
}
