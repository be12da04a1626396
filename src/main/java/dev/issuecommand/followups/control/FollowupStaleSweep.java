package dev.issuecommand.followups.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.JobRounds;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs the follow-up stale sweep (docs/behaviour.md §5) on its own schedule: every quarter of
 * {@code FOLLOWUP_STALE_MINUTES}, at most every minute and at least every second, so short timeouts are noticed
 * promptly.
 */
@ApplicationScoped
public class FollowupStaleSweep {

    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);
    private static final Duration MAX_PERIOD = Duration.ofSeconds(60);

    @Inject
    Followups followups;

    @Inject
    Settings settings;

    @Inject
    JobRounds rounds;

    private ScheduledFuture<?> schedule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long period = period(settings.followupStale()).toMillis();
        try {
            ManagedScheduledExecutorService executor =
                    InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            schedule = executor.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
            JsonLog.info("followups.stale_sweep.started", "period_ms", period);
        } catch (NamingException e) {
            JsonLog.error("followups.stale_sweep.unavailable", "exception", e.getClass().getName());
        }
    }

    /** How often to sweep for a given timeout. */
    static Duration period(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        if (quarter.compareTo(MIN_PERIOD) < 0) {
            return MIN_PERIOD;
        }
        return quarter.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : quarter;
    }

    void sweep() {
        try {
            if (!rounds.mine("followups.stale_sweep", period(settings.followupStale()))) {
                return;
            }
            int marked = followups.markStale();
            if (marked > 0) {
                JsonLog.info("followups.stale_marked", "count", marked);
            }
        } catch (RuntimeException e) {
            JsonLog.warn("followups.stale_sweep.failed", "exception", e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
