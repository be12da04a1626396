package dev.issuecommand.mirror.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mirror's state for operators (docs/behaviour.md §19): the {@code github_mirror} object of {@code GET /api/health}
 * (mode, rows pending, failing and parked across every process, the last error) and the numbers of the outbox gauges
 * at {@code /metrics}.
 */
@ApplicationScoped
public class MirrorHealth {

    private static final long GAUGE_MAX_AGE_MS = 2_000;

    @Inject
    Settings settings;

    @Inject
    Database database;

    @Inject
    MirrorOutbox outbox;

    @Inject
    RuntimeCounters counters;

    @Inject
    Clock clock;

    private volatile Kept kept;
    private volatile long[] gaugeCounts = {0, 0, 0};
    private volatile long gaugeReadAt = -GAUGE_MAX_AGE_MS;

    /**
     * The {@code github_mirror} object of the health answer; the numbers are read again only after a write (of any
     * process), as the other health numbers are.
     */
    public Map<String, Object> summary() {
        if (!settings.claimMirror().on()) {
            return Map.of("mode", settings.claimMirror().mode().wire());
        }
        long version = database.version();
        Kept current = kept;
        if (current == null || current.version() != version) {
            current = new Kept(version, Collections.unmodifiableMap(read()));
            kept = current;
        }
        return current.summary();
    }

    private Map<String, Object> read() {
        Map<String, Object> mirror = new LinkedHashMap<>();
        mirror.put("mode", settings.claimMirror().mode().wire());
        if (settings.claimMirror().mode().labels()) {
            mirror.put("label", settings.claimMirror().label());
        }
        database.read(em -> {
            long[] counts = outbox.counts(em);
            mirror.put("pending", counts[0]);
            mirror.put("failing", counts[1]);
            mirror.put("parked", counts[2]);
            counters.get(em, MirrorOutbox.LAST_ERROR).ifPresent(error -> {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("message", error);
                counters.get(em, MirrorOutbox.LAST_ERROR_AT)
                        .ifPresent(at -> last.put("at", Timestamps.iso(Long.parseLong(at))));
                mirror.put("last_error", last);
            });
            return null;
        });
        return mirror;
    }

    /**
     * Rows pending, failing and parked, for the metrics' gauges: read at most every 2 s, so a scraper cannot load the
     * database; zeros while the mirror is off.
     */
    public long[] outboxCounts() {
        long now = clock.millis();
        if (settings.claimMirror().on() && (now < gaugeReadAt || now - gaugeReadAt >= GAUGE_MAX_AGE_MS)) {
            gaugeReadAt = now;
            try {
                gaugeCounts = database.read(outbox::counts);
            } catch (RuntimeException e) {
                JsonLog.warn("github_mirror.counts_failed", "error", e.getClass().getSimpleName());
            }
        }
        return gaugeCounts;
    }

    private record Kept(long version, Map<String, Object> summary) {
    }
}
