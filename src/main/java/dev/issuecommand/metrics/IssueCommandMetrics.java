package dev.issuecommand.metrics;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.github.GitHubCallObserved;
import dev.issuecommand.mirror.control.MirrorHealth;
import dev.issuecommand.mirror.entity.MirrorSendObserved;
import dev.issuecommand.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * The application's own metrics, served in Prometheus format at {@code /metrics}: gauges of the work in the database
 * and counters other features bump at their call sites, or, for GitHub, announce with a {@link GitHubCallObserved}
 * event. Micrometer names {@code issuecommand.webhooks} a counter that Prometheus sees as
 * {@code issuecommand_webhooks_total}.
 */
@ApplicationScoped
public class IssueCommandMetrics {

    static final String WEBHOOKS = "issuecommand.webhooks";
    static final String GITHUB_REQUESTS = "issuecommand.github.requests";
    static final String RATE_LIMITED = "issuecommand.rate.limited";
    static final String CLAIM_MIRROR = "issuecommand.github.mirror.sends";

    @Inject
    MetricRegistries registries;

    @Inject
    Database database;

    @Inject
    ClaimQueries claims;

    @Inject
    FollowupQueries followups;

    @Inject
    MirrorHealth mirror;

    @Inject
    Clock clock;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) @Initialized(ApplicationScoped.class)
            Object event) {
        WorkCounts counts = new WorkCounts(database, claims, followups, clock);
        gauge(counts, "issuecommand.claims.active", "Active claims, stale ones included",
                WorkCounts.Snapshot::activeClaims);
        gauge(counts, "issuecommand.claims.stale", "Active claims marked stale", WorkCounts.Snapshot::staleClaims);
        gauge(counts, "issuecommand.followups.queued", "Follow-ups waiting for an agent",
                WorkCounts.Snapshot::queuedFollowups);
        for (String outcome : new String[] {"received", "rejected", "duplicate"}) {
            webhooks(outcome);
        }
        Gauge.builder("issuecommand.github.mirror.pending", mirror, m -> m.outboxCounts()[0]).strongReference(true)
                .description("Claim changes waiting to be shown on GitHub").register(registries.application());
        Gauge.builder("issuecommand.github.mirror.parked", mirror, m -> m.outboxCounts()[2]).strongReference(true)
                .description("Claims not shown on GitHub because their repository refused the write")
                .register(registries.application());
    }

    /** One outbox row the claim mirror tried to show on GitHub. */
    void claimMirrorSend(@Observes MirrorSendObserved send) {
        counter(CLAIM_MIRROR, "Claim mirror rows sent to GitHub, by outcome (sent, failed, parked)", "outcome",
                send.outcome()).increment();
    }

    /** An authenticated, well-formed delivery that was not seen before. */
    public void webhookReceived() {
        webhooks("received").increment();
    }

    /** A delivery refused with 401 (signature/key) or 400 (payload). */
    public void webhookRejected() {
        webhooks("rejected").increment();
    }

    /** A delivery whose {@code X-GitHub-Delivery} id was already recorded. */
    public void webhookDuplicate() {
        webhooks("duplicate").increment();
    }

    /** One HTTP exchange with GitHub: its status code, or {@code error} when no answer came. */
    void githubCall(@Observes GitHubCallObserved call) {
        String answer = call.answered() ? Integer.toString(call.status()) : "error";
        counter(GITHUB_REQUESTS, "HTTP requests sent to GitHub, by answer (status code or error)", "answer", answer)
                .increment();
    }

    /** The gauge of calls waiting for work in this process (docs/behaviour.md §18), read from {@code count}. */
    public void waitingCalls(IntSupplier count) {
        Gauge.builder("issuecommand.waiting.calls", count, IntSupplier::getAsInt)
                .description("Calls of next_issue and next_work waiting for work in this process")
                .strongReference(true).register(registries.application());
    }

    /** A request refused by the HTTP rate limiter; {@code scope} names the bucket (e.g. ip, agent, sse). */
    public void rateLimited(String scope) {
        counter(RATE_LIMITED, "Requests refused with 429 by the rate limiter, by bucket", "scope", scope).increment();
    }

    private Counter webhooks(String outcome) {
        return counter(WEBHOOKS, "GitHub webhook deliveries, by outcome", "outcome", outcome);
    }

    /** The counter {@code name} with one label; Micrometer registers it on first use and finds it afterwards. */
    private Counter counter(String name, String description, String label, String value) {
        return Counter.builder(name).description(description).tag(label, value).register(registries.application());
    }

    private void gauge(WorkCounts counts, String name, String description,
            ToLongFunction<WorkCounts.Snapshot> value) {
        Gauge.builder(name, counts, c -> value.applyAsLong(c.snapshot())).description(description).strongReference(true)
                .register(registries.application());
    }
}
