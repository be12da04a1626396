package dev.issuecommand.claims.control;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.claims.entity.Move;
import dev.issuecommand.claims.entity.StaleDeadlines;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.mirror.control.MirrorOutbox;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RowLocks;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.StoreErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The claim facade (docs/behaviour.md §4): claiming, status changes, release, heartbeat. The rules live on the
 * {@link Claim} entity; this class loads it, asks it and records the event ({@link #settle}, also used by the stale
 * sweep and GitHub sync), each change in one write transaction with its event and, for a stale claim released, its
 * quarantine strike (§17). HTTP and MCP both call this class.
 */
@ApplicationScoped
public class Claims {

    @Inject
    Database database;

    @Inject
    RowLocks rowLocks;

    @Inject
    EventLog events;

    @Inject
    RuntimeCounters counters;

    @Inject
    ClaimQueries queries;

    @Inject
    GitHubClient github;

    @Inject
    RepositoryPolicy repositories;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    @Inject
    MirrorOutbox mirror;

    @Inject
    Quarantines quarantines;

    /** Claims issue {@code number} of {@code repo} for {@code agentId}, after checking on GitHub that it is an open issue. */
    public ClaimResult claim(String agentId, RepoName repo, int number) {
        Optional<Refusal> outside = repositories.refusal(repo);
        if (outside.isPresent()) {
            return ClaimResult.refused(outside.get());
        }
        Optional<ClaimResult> settled = database.read(em -> queries.activeFor(em, repo.key(), number))
                .map(existing -> alreadyHeld(existing, agentId));
        if (settled.isPresent()) {
            return withQuarantine(settled.get());
        }
        GitHubIssue issue;
        try {
            issue = github.issue(repo, number);
        } catch (GitHubNotFoundException e) {
            return ClaimResult.refused(Reason.ISSUE_NOT_FOUND, "Issue " + repo + "#" + number + " was not found on GitHub");
        }
        if (issue.pullRequest()) {
            return ClaimResult.refused(Reason.INVALID_ISSUE, repo + "#" + number + " is a pull request, not an issue");
        }
        if (!issue.open()) {
            return ClaimResult.refused(Reason.INVALID_ISSUE, "Issue " + repo + "#" + number + " is closed");
        }
        return claimIssue(agentId, issue);
    }

    /** A claim of a quarantined issue succeeds and says so (docs/behaviour.md §17). */
    private ClaimResult withQuarantine(ClaimResult result) {
        if (!result.ok()) {
            return result;
        }
        return quarantines.find(result.claim().repo(), result.claim().issueNumber())
                .map(result::withQuarantine).orElse(result);
    }

    /**
     * Claims an issue already fetched from GitHub; the database decides who wins. Claimers of one issue take turns
     * ({@link Database#serializeOn}), so the loser finds the winner's claim; the unique index stays the last word.
     */
    public ClaimResult claimIssue(String agentId, GitHubIssue issue) {
        String repoKey = issue.repo().toLowerCase(java.util.Locale.ROOT);
        try {
            return database.write(em -> {
                database.serializeOn(em, "claim:" + repoKey + "#" + issue.number());
                Optional<Claim> current = queries.activeFor(em, repoKey, issue.number());
                if (current.isPresent()) {
                    return alreadyHeld(current.get(), agentId);
                }
                long now = clock.millis();
                Claim claim = new Claim(UUID.randomUUID().toString(), agentId, issue.repo(), issue.number(),
                        issue.title(), issue.labels(), issue.assignees(), now);
                claim.attributeNewestChange(callers.principal());
                em.persist(claim);
                em.flush();
                counters.increment(em, RuntimeCounters.TOTAL_CLAIMS);
                events.append(em, claim.created(), now);
                mirror.record(em, claim.mirrored(), now);
                ClaimResult claimed = ClaimResult.success(claim.view(deadlines()));
                return quarantines.find(em, claim.repo(), claim.issueNumber()).map(claimed::withQuarantine)
                        .orElse(claimed);
            });
        } catch (RuntimeException e) {
            if (!StoreErrors.isUniqueViolation(e)) {
                throw e;
            }
            return withQuarantine(database.read(em -> queries.activeFor(em, repoKey, issue.number()))
                    .map(existing -> alreadyHeld(existing, agentId))
                    .orElseThrow(() -> e));
        }
    }

    /** Moves a claim to {@code status} on behalf of its owner (the claim checks the rules). */
    public ClaimResult update(String claimId, String agentId, ClaimStatus status, String note, String prUrl) {
        ClaimResult result = change(claimId, (claim, now) -> claim.change(agentId, status, note, prUrl, now));
        if (status == ClaimStatus.CLOSED && result.ok() && result.idempotent() == null
                && settings.autoCloseGithubIssue()) {
            return closeOnGitHub(result);
        }
        return result;
    }

    /** Releases a claim (DELETE route, {@code release_issue} tool). */
    public ClaimResult release(String claimId, String agentId, String reason) {
        return update(claimId, agentId, ClaimStatus.RELEASED, reason, null);
    }

    /** An operator releases a claim, whoever holds it (docs/behaviour.md §15). */
    public ClaimResult releaseForOperator(String claimId, String reason) {
        return change(claimId, (claim, now) -> claim.releaseForOperator(reason, now));
    }

    /** Renews a claim without changing its status: the stale clock starts again. */
    public ClaimResult heartbeat(String claimId, String agentId) {
        return change(claimId, (claim, now) -> claim.heartbeat(agentId, now));
    }

    /**
     * The one path of every change to an existing claim, for agents, the stale sweep and GitHub sync alike: asks
     * {@code claim} (loaded in the caller's write transaction, re-read under its row lock if it was not loaded with
     * it), records the event of a change in that transaction,
     * and trims the history when the change ended the claim.
     */
    Move<ClaimResult> settle(EntityManager em, Claim claim, long now, Ask ask) {
        rowLocks.lockFresh(em, claim);
        claim.actingAs(callers.principal());
        ClaimStatus before = claim.status();
        Move<ClaimResult> move = ask.of(claim, now);
        if (move.event() != null) {
            events.append(em, move.event(), now);
        }
        mirror.record(em, claim.mirrored(), now);
        if (claim.struck(before, move)) {
            quarantines.strike(em, claim.claimId(), claim.repo(), claim.issueNumber(), claim.agentId(), now);
        }
        if (move.changed() && !claim.active()) {
            queries.trimHistory(em, settings.historyMaxEntries());
        }
        return move;
    }

    /** A question put to a claim at {@code now}: one of its moves. */
    @FunctionalInterface
    interface Ask {
        Move<ClaimResult> of(Claim claim, long now);
    }

    /** Every active claim matching {@code filter}, oldest first. */
    public List<ClaimView> active(ClaimQueries.Filter filter) {
        StaleDeadlines deadlines = deadlines();
        return database.read(em -> queries.active(em, filter).stream().map(claim -> claim.view(deadlines)).toList());
    }

    /** One claim, active or in history. */
    public Optional<ClaimView> find(String claimId) {
        StaleDeadlines deadlines = deadlines();
        return database.read(em -> Optional.ofNullable(em.find(Claim.class, claimId)).map(c -> c.view(deadlines)));
    }

    /** A page of finished claims, newest first. */
    public HistoryPage history(ClaimQueries.Filter filter, int limit, String cursor) {
        return database.read(em -> queries.history(em, filter, limit, cursor));
    }

    private ClaimResult closeOnGitHub(ClaimResult result) {
        ClaimView claim = result.claim();
        try {
            github.closeIssue(RepoName.parse(claim.repo()).orElseThrow(), claim.issueNumber());
            return result.withIssueClosed(true, null);
        } catch (RuntimeException e) {
            return result.withIssueClosed(false, e.getMessage());
        }
    }

    /** Loads a claim in a write transaction and settles {@code ask} on it, if the caller's key reaches its repository. */
    private ClaimResult change(String claimId, Ask ask) {
        return database.write(em -> {
            Claim claim = rowLocks.find(em, Claim.class, claimId);
            if (claim == null) {
                return Claim.notFound(claimId);
            }
            Optional<Refusal> outside = repositories.keyRefusal(RepoName.parse(claim.repo()).orElseThrow());
            if (outside.isPresent()) {
                return ClaimResult.refused(outside.get());
            }
            return withDeadlines(settle(em, claim, clock.millis(), ask).answer(), claim);
        });
    }

    /** The stale clock's deadlines, from {@code CLAIM_TIMEOUT_MINUTES} and {@code STALE_AUTO_RELEASE_MINUTES}. */
    public StaleDeadlines deadlines() {
        return new StaleDeadlines(settings.claimTimeout(), settings.staleAutoRelease());
    }

    /** {@code result} with the claim it shows as it is now, deadlines included. */
    private ClaimResult withDeadlines(ClaimResult result, Claim claim) {
        return result.claim() == null ? result : result.withClaim(result.claim().withDeadlines(deadlines().of(claim)));
    }

    private ClaimResult alreadyHeld(Claim existing, String agentId) {
        if (existing.agentId().equals(agentId)) {
            return ClaimResult.unchanged(existing.view(deadlines()));
        }
        return ClaimResult.refused(Reason.ALREADY_CLAIMED, "Issue " + existing.repo() + "#" + existing.issueNumber()
                + " is already claimed by " + existing.agentId(), null, existing.agentId());
    }
}
