package dev.issuecommand.demo.control;

import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.NextWorkResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated agent: takes the next work, then moves a claim claimed → in_progress → pr_submitted → pr_merged →
 * closed (or a follow-up claimed → in_progress → done) a few seconds at a time, heart-beating while it works. A
 * ghost takes issues only ({@code next_issue}) and then goes silent, so its claim turns stale; it claims again once
 * the claim has been released.
 * Driven by {@link DemoCrew}, one step at a time on one thread.
 */
final class DemoAgent {

    private static final Duration BEAT_EVERY = Duration.ofSeconds(8);
    private static final Map<ClaimStatus, ClaimStatus> NEXT = Map.of(
            ClaimStatus.CLAIMED, ClaimStatus.IN_PROGRESS,
            ClaimStatus.STALE, ClaimStatus.IN_PROGRESS,
            ClaimStatus.IN_PROGRESS, ClaimStatus.PR_SUBMITTED,
            ClaimStatus.PR_SUBMITTED, ClaimStatus.PR_MERGED,
            ClaimStatus.PR_MERGED, ClaimStatus.CLOSED);

    private final String id;
    private final boolean ghost;
    private ClaimView claim;
    private String workItemId;
    private FollowupStatus followupStatus;
    private Instant nextAt;
    private Instant lastBeat;

    DemoAgent(String id, boolean ghost, Instant firstAt) {
        this.id = id;
        this.ghost = ghost;
        this.nextAt = firstAt;
        this.lastBeat = firstAt;
    }

    String id() {
        return id;
    }

    /** Does what is due at {@code now}: the next move, else a heartbeat now and then. */
    void step(DemoCrew crew, Instant now) {
        if (now.isBefore(nextAt)) {
            beatIfDue(crew.moves(), now);
            return;
        }
        if (claim == null && workItemId == null) {
            take(crew.moves(), now);
        } else if (ghost) {
            claim = stillHeld(crew.moves());
            rest(now, 10, 20);
        } else if (claim != null) {
            advanceClaim(crew, now);
        } else {
            advanceFollowup(crew.moves(), now);
        }
    }

    private void take(DemoMoves moves, Instant now) {
        if (ghost) {
            ClaimResult claimed = moves.nextIssue(id);
            claim = claimed.ok() ? claimed.claim() : null;
            rest(now, 10, 20);
            return;
        }
        NextWorkResult next = moves.nextWork(id);
        if (!next.ok()) {
            rest(now, 8, 15);
            return;
        }
        if (next.workItem() != null) {
            workItemId = next.workItem().workItemId();
            followupStatus = FollowupStatus.CLAIMED;
        } else {
            claim = next.claim();
        }
        lastBeat = now;
        rest(now, 3, 6);
    }

    private void advanceClaim(DemoCrew crew, Instant now) {
        ClaimStatus status = ClaimStatus.parse(claim.status()).orElseThrow();
        ClaimStatus target = NEXT.get(status);
        String prUrl = target == ClaimStatus.PR_SUBMITTED ? crew.pullRequestUrl(claim.repo()) : null;
        ClaimResult result = target == null ? null
                : crew.moves().update(id, claim.claimId(), target, note(target), prUrl);
        if (result == null || !result.ok()) {
            claim = stillHeld(crew.moves());
            rest(now, 2, 4);
            return;
        }
        claim = result.claim();
        lastBeat = now;
        switch (target) {
            case PR_SUBMITTED -> crew.submitted(claim);
            case CLOSED -> {
                crew.closed(claim, now);
                claim = null;
            }
            default -> {
            }
        }
        rest(now, target == ClaimStatus.IN_PROGRESS || target == ClaimStatus.PR_SUBMITTED ? 8 : 3, 14);
    }

    private void advanceFollowup(DemoMoves moves, Instant now) {
        FollowupStatus target = followupStatus == FollowupStatus.CLAIMED ? FollowupStatus.IN_PROGRESS
                : FollowupStatus.DONE;
        FollowupResult result = moves.update(id, workItemId, target,
                target == FollowupStatus.DONE ? "Addressed the review in a new commit" : null);
        if (!result.ok() || target == FollowupStatus.DONE) {
            workItemId = null;
            followupStatus = null;
        } else {
            followupStatus = target;
        }
        rest(now, 5, 10);
    }

    /** The claim as it is now, or null once it has ended (closed or released, by anyone). */
    private ClaimView stillHeld(DemoMoves moves) {
        return moves.claim(claim.claimId()).filter(c -> !ClaimStatus.parse(c.status()).orElseThrow().terminal())
                .orElse(null);
    }

    private void beatIfDue(DemoMoves moves, Instant now) {
        if (ghost || claim == null || Duration.between(lastBeat, now).compareTo(BEAT_EVERY) < 0) {
            return;
        }
        lastBeat = now;
        moves.heartbeat(id, claim.claimId());
    }

    private static String note(ClaimStatus target) {
        return switch (target) {
            case IN_PROGRESS -> "Reproduced it; working on a fix";
            case PR_SUBMITTED -> "Fix and test are up for review";
            case PR_MERGED -> "Merged after review";
            default -> null;
        };
    }

    private void rest(Instant now, int minSeconds, int maxSeconds) {
        nextAt = now.plusMillis(ThreadLocalRandom.current().nextLong(minSeconds * 1000L, maxSeconds * 1000L + 1));
    }
}
