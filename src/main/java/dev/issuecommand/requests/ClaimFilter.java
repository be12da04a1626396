package dev.issuecommand.requests;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.github.RepoName;
import java.util.Optional;

/** The filters of {@code GET /api/claims} and {@code get_all_claims}: one agent's, one repository's, one status's. */
public record ClaimFilter(Optional<String> agentId, Optional<RepoName> repo, Optional<ClaimStatus> status) {

    public static ClaimFilter from(JsonBody fields) {
        return new ClaimFilter(fields.optionalId("agent_id"), fields.optionalRepo("repo"),
                fields.optionalChoice("status", ClaimStatus::parse, "claim status"));
    }

    public ClaimQueries.Filter filter() {
        return new ClaimQueries.Filter(agentId.orElse(null), repo.map(RepoName::fullName).orElse(null),
                status.map(ClaimStatus::wire).orElse(null));
    }
}
