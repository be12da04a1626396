package dev.issuecommand.followups.control;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.followups.entity.Followup;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses the follow-up {@code next_work} hands to an agent (docs/behaviour.md §4). Candidates are {@code queued} or
 * {@code stale}, in priority order. A follow-up on a pull request whose {@code pr_url} belongs to an active,
 * non-stale claim is reserved for that claim's agent: the holder gets it before any other candidate, and other
 * agents skip it while it is still {@code queued}. Once it has gone {@code stale} (nobody took it for
 * {@code FOLLOWUP_STALE_MINUTES}) or the claim has ended or gone stale, anyone may take it.
 */
@ApplicationScoped
public class FollowupPicker {

    @Inject
    Database database;

    @Inject
    RowLocks rowLocks;

    @Inject
    FollowupQueries queries;

    @Inject
    ClaimQueries claimQueries;

    @Inject
    RepositoryPolicy repositories;

    /**
     * The follow-up {@code agentId} should get next, read inside the caller's write transaction and locked for it. A
     * candidate another transaction holds (another instance handing it out right now) is skipped, not waited for.
     */
    public Optional<Followup> pick(EntityManager em, String agentId, String repo) {
        List<Followup> candidates = queries.active(em, new FollowupQueries.Filter(repo, null, null, null)).stream()
                .filter(FollowupPicker::open)
                .filter(f -> repositories.allows(f.repo()))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> holders = claimHolders(em);
        Stream<Followup> own = candidates.stream()
                .filter(f -> agentId.equals(holders.get(PullRequestKey.of(f.repo(), f.prNumber()))));
        Stream<Followup> free = candidates.stream()
                .filter(f -> f.status() == FollowupStatus.STALE
                        || !holders.containsKey(PullRequestKey.of(f.repo(), f.prNumber())));
        return Stream.concat(own, free)
                .filter(f -> database.tryLockRow(em, "followups", "work_item_id", f.workItemId()))
                .filter(f -> {
                    rowLocks.lockFresh(em, f);
                    return open(f);
                })
                .findFirst();
    }

    private static boolean open(Followup followup) {
        return followup.status() == FollowupStatus.QUEUED || followup.status() == FollowupStatus.STALE;
    }

    /** Pull request key → agent id, for every active claim that is not stale and carries a {@code pr_url}. */
    private Map<String, String> claimHolders(EntityManager em) {
        Map<String, String> holders = new HashMap<>();
        for (Claim claim : claimQueries.active(em, new ClaimQueries.Filter(null, null, null))) {
            if (claim.status() != ClaimStatus.STALE) {
                PullRequestKey.fromUrl(claim.prUrl()).ifPresent(key -> holders.putIfAbsent(key, claim.agentId()));
            }
        }
        return holders;
    }
}
