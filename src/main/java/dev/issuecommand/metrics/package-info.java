/**
 * Application metrics for operators, on Micrometer's Prometheus registry inside the WAR, scraped at {@code /metrics}.
 *
 * <p>Design decisions:
 * <ul>
 * <li>One bean, {@link dev.issuecommand.metrics.IssueCommandMetrics}: {@code webhooks}, {@code ratelimit} and
 * {@code mcp} call its small methods at the place where the thing happens (webhook outcome, rate-limit refusal);
 * GitHub exchanges arrive as the {@code github} package's {@code GitHubCallObserved} CDI event, so that leaf does
 * not import metrics.</li>
 * <li>Dependency direction: this package imports {@code claims} and {@code followups} (their count queries),
 * {@code github} (the event type), {@code mirror} (the claim mirror's outbox counts and its send event),
 * {@code store} (the read) and the shared {@code problems} and {@code logging}; none
 * of those imports it. Features that count things ({@code webhooks}, {@code ratelimit}, {@code mcp}) import it and
 * are not imported from here.</li>
 * <li>Two registries, one per scope ({@code application}: ours; {@code base}: the JVM's, from Micrometer's binders),
 * each stamping {@code mp_scope} on its series, so the names and labels scrapers knew from MicroProfile Metrics stay
 * and {@code ?scope=} reads a single registry.</li>
 * <li>Gauges (active claims, stale claims, queued follow-ups) come from the count queries of their owners
 * ({@code ClaimQueries.activeCounts}, {@code FollowupQueries.queuedCount}) in one read-only database read, cached
 * for 2 s, so a scraper cannot load the database and no table layout is repeated here; they count every process
 * sharing the SQLite file, counters count this process.</li>
 * <li>The webhook counters are registered at start, so they show 0 before the first delivery; GitHub answers and
 * rate-limit scopes appear when first seen.</li>
 * <li>Counters are per process and start at 0 on every start, as Prometheus expects.</li>
 * <li>No request timers: a scrape costs one registry read, and the other requests nothing.</li>
 * </ul>
 */
package dev.issuecommand.metrics;
