package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.claims.entity.Reason;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.SqliteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The claim facade (SPEC §4): claiming, status changes, release, heartbeat. Every rule about claims lives here, and
 * every change is one write transaction that also appends its event. HTTP and MCP both call this class.
 */
@ApplicationScoped
public class Claims {

    @Inject
    Database database;

    @Inject
    EventLog events;

    @Inject
    RuntimeCounters counters;

    @Inject
    ClaimQueries queries;

    @Inject
    GitHubClient github;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Claims issue {@code number} of {@code repo} for {@code agentId}, after checking on GitHub that it is an open issue. */
    public ClaimResult claim(String agentId, RepoName repo, int number) {
        if (!settings.allowsRepo(repo.fullName())) {
            return ClaimResult.refused(Reason.INVALID_REPO, "Repository " + repo + " is not in ALLOWED_REPOS");
        }
        Optional<ClaimResult> settled = database.read(em -> queries.activeFor(em, repo.key(), number))
                .map(existing -> alreadyHeld(existing, agentId));
        if (settled.isPresent()) {
            return settled.get();
        }
        GitHubIssue issue = github.issue(repo, number);
        if (issue.pullRequest()) {
            return ClaimResult.refused(Reason.INVALID_ISSUE, repo + "#" + number + " is a pull request, not an issue");
        }
        if (!issue.open()) {
            return ClaimResult.refused(Reason.INVALID_ISSUE, "Issue " + repo + "#" + number + " is closed");
        }
        return claimIssue(agentId, issue);
    }

    /** Claims an issue already fetched from GitHub; the database decides who wins. */
    public ClaimResult claimIssue(String agentId, GitHubIssue issue) {
        String repoKey = issue.repo().toLowerCase(java.util.Locale.ROOT);
        try {
            return database.write(em -> {
                Optional<Claim> current = queries.activeFor(em, repoKey, issue.number());
                if (current.isPresent()) {
                    return alreadyHeld(current.get(), agentId);
                }
                long now = clock.millis();
                Claim claim = new Claim(UUID.randomUUID().toString(), agentId, issue.repo(), issue.number(),
                        issue.title(), issue.labels(), issue.assignees(), now);
                em.persist(claim);
                em.flush();
                counters.increment(em, RuntimeCounters.TOTAL_CLAIMS);
                record(em, "claim.created", claim, null, now);
                return ClaimResult.success(claim.view());
            });
        } catch (RuntimeException e) {
            if (!SqliteErrors.isUniqueViolation(e)) {
                throw e;
            }
            return database.read(em -> queries.activeFor(em, repoKey, issue.number()))
                    .map(existing -> alreadyHeld(existing, agentId))
                    .orElseThrow(() -> e);
        }
    }

    /** Moves a claim to {@code status} on behalf of its owner, checking the rules of SPEC §4 in order. */
    public ClaimResult update(String claimId, String agentId, ClaimStatus status, String note, String prUrl) {
        ClaimResult result = database.write(em -> {
            Claim claim = em.find(Claim.class, claimId);
            if (claim == null) {
                return notFound(claimId);
            }
            Optional<ClaimResult> settled = ClaimRules.check(claim, agentId, status, prUrl);
            if (settled.isPresent()) {
                return settled.get();
            }
            long now = clock.millis();
            claim.moveTo(status, note, prUrl, now, true);
            record(em, status == ClaimStatus.RELEASED ? "claim.released" : "claim.updated", claim,
                    note == null ? null : java.util.Map.of("status", status.wire(), "note", note), now);
            if (status.terminal()) {
                queries.trimHistory(em, settings.historyMaxEntries());
            }
            return ClaimResult.success(claim.view());
        });
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

    /** Renews a claim without changing its status: the stale clock starts again. */
    public ClaimResult heartbeat(String claimId, String agentId) {
        return database.write(em -> {
            Claim claim = em.find(Claim.class, claimId);
            if (claim == null || !claim.active()) {
                return notFound(claimId);
            }
            if (!claim.agentId().equals(agentId)) {
                return mismatch(claim);
            }
            claim.heartbeat(clock.millis());
            return ClaimResult.success(claim.view());
        });
    }

    /** Every active claim matching {@code filter}, oldest first. */
    public List<ClaimView> active(ClaimQueries.Filter filter) {
        return database.read(em -> ClaimQueries.views(queries.active(em, filter)));
    }

    /** One claim, active or in history. */
    public Optional<ClaimView> find(String claimId) {
        return database.read(em -> Optional.ofNullable(em.find(Claim.class, claimId)).map(Claim::view));
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

    private void record(EntityManager em, String type, Claim claim, java.util.Map<String, Object> details, long now) {
        events.append(em, Event.of(type).withClaim(claim.claimId(), claim.repo(), claim.issueNumber(), claim.agentId())
                .withDetails(details == null ? java.util.Map.of("status", claim.status().wire()) : details), now);
    }

    private static ClaimResult alreadyHeld(Claim existing, String agentId) {
        if (existing.agentId().equals(agentId)) {
            return ClaimResult.unchanged(existing.view());
        }
        return ClaimResult.refused(Reason.ALREADY_CLAIMED, "Issue " + existing.repo() + "#" + existing.issueNumber()
                + " is already claimed by " + existing.agentId(), null, existing.agentId());
    }

    private static ClaimResult notFound(String claimId) {
        return ClaimResult.refused(Reason.CLAIM_NOT_FOUND, "Claim " + claimId + " not found");
    }

    private static ClaimResult mismatch(Claim claim) {
        return ClaimRules.mismatch(claim);
    }
}
