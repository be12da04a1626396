package dev.issuecommand.requests;

/** {@code GET /api/repos} and {@code list_repos}: whether to count each repository's open issues (default yes). */
public record RepoListQuery(boolean includeCounts) {

    public static RepoListQuery from(JsonBody fields) {
        return new RepoListQuery(fields.optionalFlag("include_counts").orElse(true));
    }
}
