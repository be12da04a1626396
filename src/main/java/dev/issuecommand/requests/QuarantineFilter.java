package dev.issuecommand.requests;

import dev.issuecommand.github.RepoName;
import java.util.Optional;

/** The filter of {@code GET /api/quarantine} and {@code list_quarantine} (docs/behaviour.md §17): one repository's. */
public record QuarantineFilter(Optional<RepoName> repo) {

    public static QuarantineFilter from(JsonBody fields) {
        return new QuarantineFilter(fields.optionalRepo("repo"));
    }
}
