/**
 * Application metrics for operators, on Micrometer's Prometheus registry inside the WAR, scraped at {@code /metrics}.
 *
 * <p>Design decisions:
 * <ul>
 * <li>One bean, {@link dev.issuecommand.metrics.IssueCommandMetrics}: other features call its small methods at the
 * place where the thing happens (webhook outcome, GitHub exchange, rate-limit refusal); this package imports no
 * feature, so every arrow points into it.</li>
 * <li>Two registries, one per scope ({@code application}: ours; {@code base}: the JVM's, from Micrometer's binders),
 * each stamping {@code mp_scope} on its series, so the names and labels scrapers knew from MicroProfile Metrics stay
 * and {@code ?scope=} reads a single registry.</li>
 * <li>Gauges (active claims, stale claims, queued follow-ups) come from ONE read-only COUNT query, cached for 2 s, so a
 * scraper cannot load the database; they count every process sharing the SQLite file, counters count this process.</li>
 * <li>The webhook counters are registered at start, so they show 0 before the first delivery; GitHub answers and
 * rate-limit scopes appear when first seen.</li>
 * <li>Counters are per process and start at 0 on every start, as Prometheus expects.</li>
 * <li>No request timers: a scrape costs one registry read, and the other requests nothing.</li>
 * </ul>
 */
package dev.issuecommand.metrics;
