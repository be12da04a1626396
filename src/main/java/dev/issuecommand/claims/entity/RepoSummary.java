package dev.issuecommand.claims.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A repository in {@code GET /api/repos} and the {@code list_repos} tool (docs/behaviour.md §8). {@code openIssueCount}
 * counts open issues without pull requests and is left out when counts were not asked for.
 */
public record RepoSummary(
        String fullName,
        String owner,
        String name,
        String url,
        String description,
        @JsonbProperty("private") boolean isPrivate,
        Integer openIssueCount) {
}
