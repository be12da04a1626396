package dev.issuecommand.mirror.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.GitHubUnavailableException;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.mirror.entity.MirrorSendObserved;
import dev.issuecommand.mirror.entity.OutboxRow;
import dev.issuecommand.store.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the outbox to GitHub (docs/behaviour.md §19), every second on the managed scheduler, apart from any claim
 * request: a row at a time, each under its lease, so processes sharing the database never send one row twice at once.
 * A failure puts the row off ({@link Backoff}); a rate limit ends the round; a repository that refuses the write parks
 * its rows, with one warning per repository.
 */
@ApplicationScoped
public class MirrorWorker {

    /** How long a row stays leased without its sender renewing the lease, which it does before every write. */
    static final long LEASE_MS = 15_000;
    static final long PERIOD_MS = 1_000;
    private static final int ROWS_PER_ROUND = 20;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Database database;

    @Inject
    MirrorOutbox outbox;

    @Inject
    MirrorSend send;

    @Inject
    Settings settings;

    @Inject
    Event<MirrorSendObserved> sends;

    @Inject
    Clock clock;

    private final String owner = UUID.randomUUID().toString();
    private final Set<String> warnedRepos = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> task;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object event) {
        if (!settings.claimMirror().on()) {
            return;
        }
        task = executor.scheduleWithFixedDelay(this::roundQuietly, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        JsonLog.info("github_mirror.scheduled", "mode", settings.claimMirror().mode().wire(), "period_ms", PERIOD_MS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Sends the rows due now, until one meets GitHub's rate limit. */
    void round() {
        List<String> due = database.read(em -> outbox.due(em, clock.millis(), ROWS_PER_ROUND));
        for (String claimId : due) {
            Optional<OutboxRow> row = database.write(em -> outbox.lease(em, claimId, owner, clock.millis(),
                    clock.millis() + LEASE_MS));
            if (row.isPresent() && !sendOne(row.get())) {
                return;
            }
        }
    }

    /** Sends one leased row; false when GitHub asked to wait, so the round should end. */
    private boolean sendOne(OutboxRow row) {
        String claimId = row.claim().claimId();
        Progress progress = new Progress(row.commentId(), row.labelOn());
        try {
            boolean otherActive = !row.claim().active()
                    && database.read(em -> outbox.otherActiveOn(em, row.claim()));
            send.send(row, settings.claimMirror(), progress, otherActive, () -> database.write(
                    em -> outbox.renew(em, claimId, owner, clock.millis() + LEASE_MS)));
            database.write(em -> {
                outbox.sent(em, claimId, owner, row.version(), progress, clock.millis());
                return null;
            });
            sends.fire(new MirrorSendObserved("sent", row.claim().repo(), row.claim().issueNumber()));
            return true;
        } catch (MirrorSend.LeaseLost e) {
            return true;
        } catch (NotWritable e) {
            park(row, progress, e.status());
            return true;
        } catch (GitHubUnavailableException e) {
            failed(row, progress, e.getMessage(), e.retryAfterSeconds());
            return e.retryAfterSeconds() == null;
        } catch (RuntimeException e) {
            failed(row, progress, e.getClass().getSimpleName(), null);
            return true;
        }
    }

    private void park(OutboxRow row, Progress progress, int status) {
        String repo = row.claim().repo();
        String error = "GitHub answered " + status + " to a write on " + repo
                + ": the token cannot write its issues; claims there are not mirrored";
        database.write(em -> {
            outbox.park(em, row.claim().claimId(), owner, progress, error, clock.millis());
            return null;
        });
        sends.fire(new MirrorSendObserved("parked", repo, row.claim().issueNumber()));
        if (warnedRepos.add(repo.toLowerCase(Locale.ROOT))) {
            JsonLog.warn("github_mirror.repo_not_writable", "repo", repo, "status", status, "message", error);
        }
    }

    private void failed(OutboxRow row, Progress progress, String error, Integer retryAfterSeconds) {
        int attempts = row.attempts() + 1;
        long next = clock.millis() + Backoff.delayMs(attempts, retryAfterSeconds);
        String text = "Sending to " + row.claim().repo() + " failed: " + error;
        database.write(em -> {
            outbox.failed(em, row.claim().claimId(), owner, progress, attempts, next, text, clock.millis());
            return null;
        });
        sends.fire(new MirrorSendObserved("failed", row.claim().repo(), row.claim().issueNumber()));
        JsonLog.warn("github_mirror.send_failed", "claim_id", row.claim().claimId(), "repo", row.claim().repo(),
                "attempts", attempts, "retry_in_ms", next - clock.millis(), "error", error);
    }

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            JsonLog.warn("github_mirror.round_failed", "error", e.getClass().getSimpleName());
        }
    }
}
