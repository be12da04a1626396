package dev.issuecommand.claims.control;

import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The numbers of {@code GET /api/health} and the {@code system_health} tool (SPEC §8). */
@ApplicationScoped
public class HealthSummary {

    @Inject
    Database database;

    @Inject
    ClaimQueries queries;

    @Inject
    RuntimeCounters counters;

    public Map<String, Object> summary() {
        return database.read(em -> {
            long[] counts = queries.activeCounts(em);
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
            health.put("total_claims", counters.get(em, RuntimeCounters.TOTAL_CLAIMS).map(Long::parseLong).orElse(0L));
            health.put("active_claims", counts[0]);
            health.put("active_agents", counts[1]);
            health.put("stale_claims", counts[2]);
            counters.get(em, RuntimeCounters.LAST_GITHUB_SYNC_AT)
                    .ifPresent(at -> health.put("last_github_sync_at", Timestamps.iso(Long.parseLong(at))));
            return health;
        });
    }
}
