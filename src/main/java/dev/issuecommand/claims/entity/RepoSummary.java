package dev.issuecommand.claims.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A repository in {@code GET /api/repos} and the {@code list_repos} tool (docs/behaviour.md §8). {@code openIssueCount}
 * counts open issues without pull requests and is left out when counts were not asked for.
 */
@Schema(name = "Repo", description = "A repository the service works on")
public record RepoSummary(
        @Schema(name = "full_name", example = "myorg/api") String fullName,
        @Schema(name = "owner") String owner,
        @Schema(name = "name") String name,
        @Schema(name = "url") String url,
        @Schema(name = "description") String description,
        @Schema(name = "private") @JsonbProperty("private") boolean isPrivate,
        @Schema(name = "open_issue_count", description = "Absent unless include_counts") Integer openIssueCount) {
}
