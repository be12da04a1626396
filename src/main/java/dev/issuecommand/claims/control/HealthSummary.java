package dev.issuecommand.claims.control;

import dev.issuecommand.mirror.control.MirrorHealth;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of {@code GET /api/health} and the {@code system_health} tool. The numbers read from the
 * database are kept until any write (of any process sharing the file) moves {@link Database#version()} on, as
 * {@link ActiveClaimsJson} keeps the claim list: a health poll then costs one read of the version, not three
 * queries. The uptime is always current.
 */
@ApplicationScoped
public class HealthSummary {

    @Inject
    Database database;

    @Inject
    ClaimQueries queries;

    @Inject
    RuntimeCounters counters;

    @Inject
    MirrorHealth mirror;

    private volatile Kept kept;

    public Map<String, Object> summary() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        health.putAll(stored());
        health.put("github_mirror", mirror.summary());
        return health;
    }

    private Map<String, Object> stored() {
        // The version is read before the numbers: numbers are never older than the version they are kept under.
        long version = database.version();
        Kept current = kept;
        if (current != null && current.version() == version) {
            return current.numbers();
        }
        Map<String, Object> numbers = Collections.unmodifiableMap(database.read(this::read));
        kept = new Kept(version, numbers);
        return numbers;
    }

    private Map<String, Object> read(EntityManager em) {
        long[] counts = queries.activeCounts(em);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("total_claims", counters.get(em, RuntimeCounters.TOTAL_CLAIMS).map(Long::parseLong).orElse(0L));
        numbers.put("active_claims", counts[0]);
        numbers.put("active_agents", counts[1]);
        numbers.put("stale_claims", counts[2]);
        counters.get(em, RuntimeCounters.LAST_GITHUB_SYNC_AT)
                .ifPresent(at -> numbers.put("last_github_sync_at", Timestamps.iso(Long.parseLong(at))));
        return numbers;
    }

    private record Kept(long version, Map<String, Object> numbers) {
    }
}
