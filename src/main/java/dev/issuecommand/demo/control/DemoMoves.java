package dev.issuecommand.demo.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.control.NextWork;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.NextWorkResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a simulated agent may do, through the same facades as {@code POST /api/next-work}, {@code POST /api/next}, the
 * claim routes and the follow-up routes, each call made as that agent ({@code agent:<id>} in events and status histories).
 */
@ApplicationScoped
public class DemoMoves {

    @Inject
    Callers callers;

    @Inject
    NextWork nextWork;

    @Inject
    IssuePicker picker;

    @Inject
    Claims claims;

    @Inject
    Followups followups;

    /** {@code next_work}: a follow-up if one is queued, else the best open issue, claimed. */
    public NextWorkResult nextWork(String agentId) {
        return as(agentId, () -> nextWork.next(agentId, Optional.empty(), null, null));
    }

    /** {@code next_issue}: the best open issue, claimed. */
    public ClaimResult nextIssue(String agentId) {
        return as(agentId, () -> picker.next(agentId, Optional.empty(), null, null));
    }

    public ClaimResult update(String agentId, String claimId, ClaimStatus status, String note, String prUrl) {
        return as(agentId, () -> claims.update(claimId, agentId, status, note, prUrl));
    }

    public ClaimResult heartbeat(String agentId, String claimId) {
        return as(agentId, () -> claims.heartbeat(claimId, agentId));
    }

    public FollowupResult update(String agentId, String workItemId, FollowupStatus status, String note) {
        return as(agentId, () -> followups.update(workItemId, agentId, status, note));
    }

    /** The claim as it is now (active or in history). */
    public Optional<ClaimView> claim(String claimId) {
        return claims.find(claimId);
    }

    private <T> T as(String agentId, Supplier<T> work) {
        return callers.as(Caller.agent(agentId, Set.of()), work);
    }
}
