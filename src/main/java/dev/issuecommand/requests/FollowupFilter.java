package dev.issuecommand.requests;

import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.github.RepoName;
import java.util.Optional;

/** The filters of {@code GET /api/followups} and {@code get_followups}: repository, status, owner, pull request. */
public record FollowupFilter(Optional<RepoName> repo, Optional<FollowupStatus> status,
        Optional<String> claimedByAgentId, Optional<Integer> prNumber) {

    public static FollowupFilter from(JsonBody fields) {
        return new FollowupFilter(fields.optionalRepo("repo"),
                fields.optionalChoice("status", FollowupStatus::parse, "follow-up status"),
                fields.optionalId("claimed_by_agent_id"), fields.optionalPositiveInt("pr_number"));
    }

    public FollowupQueries.Filter filter() {
        return new FollowupQueries.Filter(repo.map(RepoName::fullName).orElse(null),
                status.map(FollowupStatus::wire).orElse(null), claimedByAgentId.orElse(null), prNumber.orElse(null));
    }
}
