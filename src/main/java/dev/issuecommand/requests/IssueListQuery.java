package dev.issuecommand.requests;

import dev.issuecommand.github.RepoName;

/**
 * A repository's open issues, optionally of one label or milestone: {@code GET /api/repos/:owner/:repo/issues} and
 * {@code list_open_issues}.
 */
public record IssueListQuery(RepoName repo, String label, String milestone) {

    public static IssueListQuery from(JsonBody fields) {
        return new IssueListQuery(fields.requiredRepo("repo"), fields.optionalId("label").orElse(null),
                fields.optionalId("milestone").orElse(null));
    }
}
