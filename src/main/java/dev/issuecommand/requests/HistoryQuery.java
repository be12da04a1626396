package dev.issuecommand.requests;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.github.RepoName;
import java.util.Optional;

/**
 * One page of finished claims: the query of {@code GET /api/claims/history} and the arguments of
 * {@code get_claim_history}. {@code limit} is 1 to {@value FieldLimits#MAX_PAGE_SIZE}, default
 * {@value FieldLimits#DEFAULT_PAGE_SIZE}; {@code cursor} is the {@code next_cursor} of the previous page.
 */
public record HistoryQuery(Optional<String> agentId, Optional<RepoName> repo, int limit, Optional<String> cursor) {

    public static HistoryQuery from(JsonBody fields) {
        return new HistoryQuery(fields.optionalId("agent_id"), fields.optionalRepo("repo"),
                fields.optionalPositiveInt("limit", FieldLimits.MAX_PAGE_SIZE).orElse(FieldLimits.DEFAULT_PAGE_SIZE),
                cursor(fields));
    }

    private static Optional<String> cursor(JsonBody fields) {
        Optional<String> cursor = fields.optionalId("cursor");
        if (cursor.isPresent() && !ClaimQueries.validCursor(cursor.get())) {
            throw JsonBody.invalid("cursor");
        }
        return cursor;
    }

    public ClaimQueries.Filter filter() {
        return new ClaimQueries.Filter(agentId.orElse(null), repo.map(RepoName::fullName).orElse(null), null);
    }
}
