package dev.issuecommand.dashboard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's summaries, computed by the database in SQL that SQLite and PostgreSQL both run (window functions,
 * integer arithmetic on epoch milliseconds): agents at work, finished claims per hour, and the median and 90th
 * percentile (nearest rank) of claim-to-PR and claim-to-close times per day, all in UTC.
 */
@ApplicationScoped
public class FleetQueries {

    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    /** One agent as the dashboard lists it; times in epoch millis. */
    public record AgentRow(String agentId, long lastSeen, int claims, int followups, int finished) {
    }

    /** Claims that ended in one hour (the hour's start, epoch millis), by how they ended. */
    public record HourRow(long hour, String status, int count) {
    }

    /** One rank of a day's durations: the day (epoch millis at 00:00 UTC), its count, a rank and its duration. */
    public record RankRow(long day, int count, int rank, long millis) {
    }

    /**
     * Every agent with an active claim or follow-up, or one that ended since {@code since}: when it was last seen
     * (its latest activity on a claim or update of a follow-up), what it holds, and how many claims it closed since
     * {@code since}. Most recently seen first.
     */
    public List<AgentRow> agents(EntityManager em, long since) {
        List<?> rows = em.createNativeQuery("SELECT agent_id, MAX(seen), SUM(claims), SUM(followups), SUM(finished) "
                + "FROM (SELECT agent_id, MAX(last_activity_at) AS seen, SUM(active) AS claims, 0 AS followups, "
                + "SUM(CASE WHEN status = 'closed' AND ended_at >= ?1 THEN 1 ELSE 0 END) AS finished "
                + "FROM claims WHERE active = 1 OR ended_at >= ?1 GROUP BY agent_id "
                + "UNION ALL SELECT claimed_by_agent_id, MAX(last_updated), 0, SUM(active), 0 FROM followups "
                + "WHERE claimed_by_agent_id IS NOT NULL AND (active = 1 OR ended_at >= ?1) "
                + "GROUP BY claimed_by_agent_id) seen_agents "
                + "GROUP BY agent_id ORDER BY MAX(seen) DESC, agent_id")
                .setParameter(1, since).getResultList();
        List<AgentRow> agents = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            agents.add(new AgentRow((String) r[0], number(r[1]), (int) number(r[2]), (int) number(r[3]),
                    (int) number(r[4])));
        }
        return agents;
    }

    /** The repositories of active claims and follow-ups, and of claims ended since {@code since}, sorted. */
    public List<String> repos(EntityManager em, long since) {
        List<?> rows = em.createNativeQuery("SELECT repo FROM claims WHERE active = 1 OR ended_at >= ?1 "
                + "UNION SELECT repo FROM followups WHERE active = 1 ORDER BY 1")
                .setParameter(1, since).getResultList();
        return rows.stream().map(String.class::cast).distinct().toList();
    }

    /** Claims closed or released since {@code since}, counted per hour. */
    public List<HourRow> endedPerHour(EntityManager em, long since) {
        List<?> rows = em.createNativeQuery("SELECT ended_at / " + HOUR + " * " + HOUR + ", status, COUNT(*) "
                + "FROM claims WHERE active = 0 AND ended_at >= ?1 GROUP BY ended_at / " + HOUR + ", status")
                .setParameter(1, since).getResultList();
        List<HourRow> hours = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            hours.add(new HourRow(number(r[0]), (String) r[1], (int) number(r[2])));
        }
        return hours;
    }

    /** The median and 90th-percentile ranks of claim-to-{@code pr_submitted} times per day since {@code since}. */
    public List<RankRow> toPrSubmitted(EntityManager em, long since) {
        return percentileRanks(em, "pr_submitted_at", "pr_submitted_at IS NOT NULL AND pr_submitted_at >= ?1", since);
    }

    /** The median and 90th-percentile ranks of claim-to-{@code closed} times per day since {@code since}. */
    public List<RankRow> toClosed(EntityManager em, long since) {
        return percentileRanks(em, "ended_at", "status = 'closed' AND ended_at >= ?1", since);
    }

    /**
     * For each day of {@code end}, the durations {@code end - claimed_at} at the nearest ranks of the median,
     * ceil(n/2), and the 90th percentile, ceil(9n/10).
     */
    private List<RankRow> percentileRanks(EntityManager em, String end, String where, long since) {
        String day = end + " / " + DAY;
        List<?> rows = em.createNativeQuery("SELECT day, n, rn, duration FROM (SELECT " + day + " * " + DAY
                + " AS day, " + end + " - claimed_at AS duration, "
                + "ROW_NUMBER() OVER (PARTITION BY " + day + " ORDER BY " + end + " - claimed_at) AS rn, "
                + "COUNT(*) OVER (PARTITION BY " + day + ") AS n FROM claims WHERE " + where + ") ranked "
                + "WHERE rn = (n + 1) / 2 OR rn = (9 * n + 9) / 10 ORDER BY day, rn")
                .setParameter(1, since).getResultList();
        List<RankRow> ranks = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            ranks.add(new RankRow(number(r[0]), (int) number(r[1]), (int) number(r[2]), number(r[3])));
        }
        return ranks;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
