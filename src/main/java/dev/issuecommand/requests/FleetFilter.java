package dev.issuecommand.requests;

import dev.issuecommand.github.RepoName;
import java.util.Optional;

/** The filters of the dashboard (docs/behaviour.md §15): one repository's, one agent's; kept in the page's URL. */
public record FleetFilter(Optional<RepoName> repo, Optional<String> agentId) {

    public static FleetFilter from(JsonBody fields) {
        return new FleetFilter(fields.optionalRepo("repo"), fields.optionalId("agent"));
    }

    public String repoOrNull() {
        return repo.map(RepoName::fullName).orElse(null);
    }

    public String agentOrNull() {
        return agentId.orElse(null);
    }
}
