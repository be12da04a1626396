package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.SyncReport;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.JobRounds;
import dev.issuecommand.store.RuntimeCounters;
import jakarta.annotation.PostConstruct;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reconciliation with GitHub (docs/behaviour.md §6), at start and every {@code SYNC_INTERVAL_MINUTES} (0: at start
 * only): an active claim whose issue is no longer open is closed ("Closed externally on GitHub"), changed titles,
 * labels and assignees
 * are refreshed (not agent activity: the stale clock keeps running), a quarantined issue that changed or closed is
 * released (§17), a repository that fails to list is skipped with
 * its claims left alone, and {@code sync.reconciled} records the counts. Overlapping triggers queue one re-run.
 */
@ApplicationScoped
public class GitHubSync {

    private static final long WAIT_SECONDS = 300;

    /** A run ends with the claim stale sweep (docs/behaviour.md §6); the sweep also has its own schedule. */
    @Inject
    StaleSweep staleSweep;

    @Inject
    Settings settings;

    @Inject
    GitHubClient github;

    @Inject
    Database database;

    @Inject
    ClaimQueries queries;

    @Inject
    Claims claims;

    @Inject
    RepositoryPolicy repositories;

    @Inject
    EventLog events;

    @Inject
    RuntimeCounters counters;

    @Inject
    Clock clock;

    @Inject
    JobRounds rounds;

    @Inject
    Quarantines quarantines;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private final Map<String, Set<Integer>> lastSeenOpen = new ConcurrentHashMap<>();
    private volatile SyncTrigger<SyncReport> trigger;
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        trigger = new SyncTrigger<>(executor, this::reconcile);
    }

    /** Starts after the database is open (a later priority than its start-up observer). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class) Object event) {
        long interval = settings.syncInterval().toMillis();
        trigger.fire();
        if (interval > 0) {
            schedule = executor.scheduleAtFixedRate(this::scheduledRound, interval, interval, TimeUnit.MILLISECONDS);
        }
        JsonLog.info("sync.scheduled", "interval_ms", interval, "at_start_only", interval == 0);
    }

    /** A tick of the schedule: syncs when this process runs this round (one process per round, {@link JobRounds}). */
    private void scheduledRound() {
        try {
            if (rounds.mine("github.sync", settings.syncInterval())) {
                trigger.fire();
            }
        } catch (RuntimeException e) {
            JsonLog.warn("sync.round_skipped", "error", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** Asks for a sync now; the future completes with the report of a run that started after this call. */
    public CompletableFuture<SyncReport> syncNow() {
        return trigger.fire();
    }

    /**
     * Syncs now and waits for the report ({@code POST /api/sync}, the dashboard's "sync now"); a sync still running
     * after {@value #WAIT_SECONDS} s goes on in the background and the caller gets 503 {@code sync_busy}.
     */
    public SyncReport syncNowAndWait() throws InterruptedException {
        try {
            return syncNow().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("sync failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(Problem.of(503, "sync_busy", "Sync still running",
                    "The sync did not finish within " + WAIT_SECONDS + " s; it goes on in the background"));
        }
    }

    private SyncReport reconcile() {
        try {
            return reconcileAll();
        } catch (RuntimeException e) {
            if (stopped()) {
                JsonLog.info("sync.stopped", "message", "The server is stopping; this sync ends unfinished");
            } else {
                JsonLog.warn("sync.failed", "error", e.getClass().getSimpleName(), "message", e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Whether the server is stopping: the application is being destroyed, or the executor cancelled this sync (its
     * thread is interrupted; a Fault Tolerance timeout clears the flag it sets, so this is no GitHub timeout).
     */
    private boolean stopped() {
        return stopping || Thread.currentThread().isInterrupted();
    }

    /** Ends the sync here when the server is stopping: no more GitHub calls or writes to a closing database. */
    private void endIfStopping() {
        if (stopped()) {
            throw new CancellationException("The server is stopping");
        }
    }

    private SyncReport reconcileAll() {
        List<RepoName> repos = repositories.inScope();
        int scanned = 0;
        int seen = 0;
        int newlyOpened = 0;
        int closed = 0;
        int refreshed = 0;
        List<String> failed = new ArrayList<>();
        for (RepoName repo : repos) {
            endIfStopping();
            Map<Integer, GitHubIssue> open;
            try {
                open = openIssues(repo);
            } catch (RuntimeException e) {
                if (stopped()) {
                    throw e;
                }
                failed.add(repo.fullName());
                JsonLog.warn("sync.repo_skipped", "repo", repo.fullName(), "error", e.getMessage());
                continue;
            }
            scanned++;
            seen += open.size();
            newlyOpened += newlyOpened(repo, open.keySet());
            releaseChangedQuarantines(repo, open);
            int[] changes = reconcileRepo(repo, open);
            closed += changes[0];
            refreshed += changes[1];
        }
        endIfStopping();
        StaleSweep.Outcome stale = staleSweep.sweep();
        SyncReport report = new SyncReport(scanned, seen, newlyOpened, closed, refreshed, stale.staleMarked(),
                stale.autoReleased(), List.copyOf(failed));
        boolean completed = scanned > 0 || repos.isEmpty();
        database.write(em -> {
            long now = clock.millis();
            if (completed) {
                counters.set(em, RuntimeCounters.LAST_GITHUB_SYNC_AT, String.valueOf(now));
            }
            events.append(em, Event.of("sync.reconciled").withDetails(report.details()), now);
            return null;
        });
        JsonLog.info("sync.reconciled", "repos_scanned", scanned, "repos_failed", failed.size(), "open_issues_seen", seen,
                "externally_closed_claims", closed, "metadata_updates", refreshed);
        return report;
    }

    private Map<Integer, GitHubIssue> openIssues(RepoName repo) {
        Map<Integer, GitHubIssue> open = new LinkedHashMap<>();
        for (GitHubIssue issue : github.openIssues(repo, null, null)) {
            if (!issue.pullRequest() && issue.open()) {
                open.putIfAbsent(issue.number(), issue);
            }
        }
        return open;
    }

    /** Quarantined issues that changed or closed on GitHub are released (behaviour.md §17), from the list read. */
    private void releaseChangedQuarantines(RepoName repo, Map<Integer, GitHubIssue> open) {
        Map<Integer, String> updatedAt = new HashMap<>();
        open.forEach((number, issue) -> updatedAt.put(number, issue.updatedAt()));
        int released = quarantines.seenOnGitHub(repo, updatedAt);
        if (released > 0) {
            JsonLog.info("sync.quarantine_released", "repo", repo.fullName(), "released", released);
        }
    }

    /** Issues open now that the previous scan of the repository did not see; 0 for a repository's first scan. */
    private int newlyOpened(RepoName repo, Set<Integer> open) {
        Set<Integer> previous = lastSeenOpen.put(repo.key(), Set.copyOf(open));
        return previous == null ? 0 : (int) open.stream().filter(n -> !previous.contains(n)).count();
    }

    /** Closes and refreshes the repository's claims; returns {closed, refreshed}. */
    private int[] reconcileRepo(RepoName repo, Map<Integer, GitHubIssue> open) {
        ClaimQueries.Filter filter = new ClaimQueries.Filter(null, repo.fullName(), null);
        List<ClaimView> active = database.read(em -> ClaimQueries.views(queries.active(em, filter)));
        Set<Integer> closedOnGitHub = new HashSet<>();
        boolean metadataChanged = false;
        for (ClaimView claim : active) {
            GitHubIssue issue = open.get(claim.issueNumber());
            if (issue == null) {
                if (confirmedClosed(repo, claim.issueNumber())) {
                    closedOnGitHub.add(claim.issueNumber());
                }
            } else if (!issue.title().equals(claim.issueTitle()) || !issue.labels().equals(claim.issueLabels())
                    || !issue.assignees().equals(claim.issueAssignees())) {
                metadataChanged = true;
            }
        }
        if (closedOnGitHub.isEmpty() && !metadataChanged) {
            return new int[] {0, 0};
        }
        return database.write(em -> apply(em, filter, open, closedOnGitHub));
    }

    private int[] apply(EntityManager em, ClaimQueries.Filter filter, Map<Integer, GitHubIssue> open,
            Set<Integer> closedOnGitHub) {
        long now = clock.millis();
        int closed = 0;
        int refreshed = 0;
        for (Claim claim : queries.active(em, filter)) {
            GitHubIssue issue = open.get(claim.issueNumber());
            if (closedOnGitHub.contains(claim.issueNumber())) {
                closed += claims.settle(em, claim, now, (c, at) -> c.closeExternally(at)).count();
            } else if (issue != null) {
                refreshed += claims.settle(em, claim, now, (c, at) -> c.refreshMetadata(issue.title(), issue.labels(),
                        issue.assignees(), at)).count();
            }
        }
        return new int[] {closed, refreshed};
    }

    /** Double-checks one issue missing from the open list: closed, or gone from GitHub. Any doubt leaves the claim alone. */
    private boolean confirmedClosed(RepoName repo, int number) {
        try {
            GitHubIssue issue = github.issue(repo, number);
            return !issue.open();
        } catch (GitHubNotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            JsonLog.warn("sync.issue_check_failed", "repo", repo.fullName(), "issue_number", number, "error", e.getMessage());
            return false;
        }
    }
}
