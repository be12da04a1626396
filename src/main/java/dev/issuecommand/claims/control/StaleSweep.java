package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.JobRounds;
import dev.issuecommand.store.RowLocks;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Marks idle claims {@code stale} and auto-releases long-stale ones (docs/behaviour.md §5), on its own schedule. It
 * looks with a read first and takes the write lock only when a claim is due, re-deciding inside the write transaction,
 * so several processes sharing the database never double an event. {@link StaleSweepPolicy} says when a claim is due;
 * the move itself is the claim's, settled through {@link Claims#settle}.
 */
@ApplicationScoped
public class StaleSweep {

    private static final String JOB = "claims.stale_sweep";
    private static final ClaimQueries.Filter ALL = new ClaimQueries.Filter(null, null, null);

    /** What one sweep changed; GitHub sync reports these as {@code stale_marked} and {@code stale_auto_released}. */
    public record Outcome(int staleMarked, int autoReleased) {
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Database database;

    @Inject
    RowLocks rowLocks;

    @Inject
    ClaimQueries queries;

    @Inject
    Claims claims;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    JobRounds rounds;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object event) {
        long period = policy().period().toMillis();
        task = executor.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
        JsonLog.info("claims.stale_sweep.scheduled", "period_ms", period);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Runs one sweep now. */
    public Outcome sweep() {
        StaleSweepPolicy policy = policy();
        boolean due = database.read(em -> queries.active(em, ALL).stream()
                .anyMatch(claim -> action(policy, claim) != StaleSweepPolicy.Action.NONE));
        if (!due) {
            return new Outcome(0, 0);
        }
        Outcome outcome = database.write(em -> apply(em, policy));
        if (outcome.staleMarked() + outcome.autoReleased() > 0) {
            JsonLog.info("claims.stale_sweep", "stale_marked", outcome.staleMarked(),
                    "auto_released", outcome.autoReleased());
        }
        return outcome;
    }

    private Outcome apply(EntityManager em, StaleSweepPolicy policy) {
        int marked = 0;
        int released = 0;
        long now = policy.now();
        for (Claim claim : queries.active(em, ALL)) {
            if (action(policy, claim) == StaleSweepPolicy.Action.NONE) {
                continue;
            }
            // decide again on the row as it is now: another instance may have changed it since the list was read
            rowLocks.lockFresh(em, claim);
            switch (action(policy, claim)) {
                case MARK_STALE -> marked += claims.settle(em, claim, now,
                        (c, at) -> c.markStale(policy.staleNote(), at)).count();
                case AUTO_RELEASE -> released += claims.settle(em, claim, now,
                        (c, at) -> c.autoRelease(policy.releaseNote(), at)).count();
                case NONE -> {
                }
            }
        }
        return new Outcome(marked, released);
    }

    private static StaleSweepPolicy.Action action(StaleSweepPolicy policy, Claim claim) {
        ClaimStatus status = claim.status();
        long staleSince = status == ClaimStatus.STALE ? claim.staleSince() : 0;
        return policy.decide(status, claim.lastActivityAt(), staleSince);
    }

    private void sweepQuietly() {
        try {
            if (rounds.mine(JOB, policy().period())) {
                sweep();
            }
        } catch (RuntimeException e) {
            JsonLog.warn("claims.stale_sweep.failed", "error", e.getClass().getSimpleName());
        }
    }

    /** The stale rules under the current settings. */
    public StaleSweepPolicy policy() {
        return new StaleSweepPolicy(claims.deadlines(), clock);
    }
}
