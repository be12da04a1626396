package dev.issuecommand.followups.control;

import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code next_work} (docs/behaviour.md §4), for HTTP and MCP alike: a queued or stale follow-up first (see
 * {@link FollowupPicker}), otherwise {@code next_issue}. {@code label} and {@code milestone} narrow the issues only.
 */
@ApplicationScoped
public class NextWork {

    @Inject
    Followups followups;

    @Inject
    IssuePicker picker;

    @Inject
    RepositoryPolicy repositories;

    public NextWorkResult next(String agentId, Optional<RepoName> repo, String label, String milestone) {
        return followupFirst(agentId, repo).orElseGet(() -> issue(agentId, repo, label, milestone));
    }

    /** The first step: a refusal of {@code repo}, or a follow-up now claimed by the agent; empty when neither. */
    public Optional<NextWorkResult> followupFirst(String agentId, Optional<RepoName> repo) {
        Optional<Refusal> outside = repo.flatMap(repositories::refusal);
        if (outside.isPresent()) {
            return Optional.of(NextWorkResult.refused(outside.get()));
        }
        return followups.claimNext(agentId, repo.map(RepoName::fullName).orElse(null)).map(NextWorkResult::followup);
    }

    /** The second step: {@code next_issue}, as a next-work result. */
    public NextWorkResult issue(String agentId, Optional<RepoName> repo, String label, String milestone) {
        ClaimResult result = picker.next(agentId, repo, label, milestone);
        if (result.ok()) {
            return NextWorkResult.issue(result.claim(), result.issue());
        }
        return NextWorkResult.refused(result.reason(), result.message());
    }
}
