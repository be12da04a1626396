package dev.issuecommand.metrics;

import dev.issuecommand.store.Database;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's own metrics (issue #7), served in Prometheus format at {@code /metrics}: gauges of the work in
 * the database and counters other features bump at their call sites.
 */
@ApplicationScoped
public class IssueCommandMetrics {

    static final String WEBHOOKS = "issuecommand.webhooks";
    static final String GITHUB_REQUESTS = "issuecommand.github.requests";
    static final String RATE_LIMITED = "issuecommand.rate.limited";

    @Inject
    MetricRegistry registry;

    @Inject
    Database database;

    @Inject
    Clock clock;

    private WorkCounts counts;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class)
            Object event) {
        counts = new WorkCounts(database, clock);
        gauge("issuecommand.claims.active", "Active claims, stale ones included", WorkCounts.Snapshot::activeClaims);
        gauge("issuecommand.claims.stale", "Active claims marked stale", WorkCounts.Snapshot::staleClaims);
        gauge("issuecommand.followups.queued", "Follow-ups waiting for an agent", WorkCounts.Snapshot::queuedFollowups);
        for (String outcome : new String[] {"received", "rejected", "duplicate"}) {
            webhooks(outcome);
        }
    }

    /** An authenticated, well-formed delivery that was not seen before. */
    public void webhookReceived() {
        webhooks("received").inc();
    }

    /** A delivery refused with 401 (signature/key) or 400 (payload). */
    public void webhookRejected() {
        webhooks("rejected").inc();
    }

    /** A delivery whose {@code X-GitHub-Delivery} id was already recorded. */
    public void webhookDuplicate() {
        webhooks("duplicate").inc();
    }

    /** One HTTP exchange with GitHub: its status code, or {@code error} when no answer came. */
    public void githubAnswer(String answer) {
        registry.counter(Metadata.builder().withName(GITHUB_REQUESTS)
                .withDescription("HTTP requests sent to GitHub, by answer (status code or error)").build(),
                new Tag("answer", answer)).inc();
    }

    /** A request refused by the HTTP rate limiter; {@code scope} names the bucket (e.g. ip, agent, sse). */
    public void rateLimited(String scope) {
        registry.counter(Metadata.builder().withName(RATE_LIMITED)
                .withDescription("Requests refused with 429 by the rate limiter, by bucket").build(),
                new Tag("scope", scope)).inc();
    }

    private org.eclipse.microprofile.metrics.Counter webhooks(String outcome) {
        return registry.counter(Metadata.builder().withName(WEBHOOKS)
                .withDescription("GitHub webhook deliveries, by outcome").build(), new Tag("outcome", outcome));
    }

    private void gauge(String name, String description, ToLongFunction<WorkCounts.Snapshot> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), counts,
                c -> value.applyAsLong(c.snapshot()));
    }
}
