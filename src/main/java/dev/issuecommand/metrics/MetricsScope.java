package dev.issuecommand.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scopes of {@code /metrics?scope=}, each carried on its series as the {@code mp_scope} label. */
enum MetricsScope {

    /** IssueCommand's own gauges and counters. */
    APPLICATION,
    /** The JVM's meters: memory, garbage collection, threads, class loading, uptime, processor. */
    BASE;

    /** The value of the {@code scope} parameter and of the {@code mp_scope} label. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code text} exactly as in {@link #label()}; empty for any other text. */
    static Optional<MetricsScope> named(String text) {
        return Arrays.stream(values()).filter(scope -> scope.label().equals(text)).findFirst();
    }

    /** The labels, for error messages: {@code application or base}. */
    static String choices() {
        return Arrays.stream(values()).map(MetricsScope::label).collect(Collectors.joining(" or "));
    }
}
