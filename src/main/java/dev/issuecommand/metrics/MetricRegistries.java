package dev.issuecommand.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One Micrometer Prometheus registry per {@link MetricsScope}, each stamping its series with {@code mp_scope}, so a
 * scope is shown by reading only its registry: the application's meters and the JVM's.
 */
@ApplicationScoped
public class MetricRegistries {

    private final Map<MetricsScope, PrometheusMeterRegistry> registries = new EnumMap<>(MetricsScope.class);
    private JvmMeters jvm;

    @PostConstruct
    void create() {
        for (MetricsScope scope : MetricsScope.values()) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.config().commonTags("mp_scope", scope.label());
            registries.put(scope, registry);
        }
        jvm = JvmMeters.bindTo(registries.get(MetricsScope.BASE));
    }

    @PreDestroy
    void close() {
        jvm.close();
        registries.values().forEach(MeterRegistry::close);
    }

    /** Where IssueCommand's own gauges and counters are registered. */
    MeterRegistry application() {
        return registries.get(MetricsScope.APPLICATION);
    }

    /** The current values of {@code scopes}, in that order, ready for an exposition format. */
    MetricSnapshots read(List<MetricsScope> scopes) {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (MetricsScope scope : scopes) {
            registries.get(scope).getPrometheusRegistry().scrape().forEach(snapshots::add);
        }
        return new MetricSnapshots(snapshots);
    }
}
