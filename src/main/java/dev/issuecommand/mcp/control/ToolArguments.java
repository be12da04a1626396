package dev.issuecommand.mcp.control;

import dev.issuecommand.claims.boundary.ClaimParams;
import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;
import java.util.Map;
import java.util.Optional;

/**
 * Tool arguments read with the HTTP API's own rules: the arguments object becomes a {@link JsonBody}, and repository,
 * status, limit and cursor go through the same checks as the routes ({@link ClaimParams}, {@link ClaimStatus#parse},
 * {@link ClaimQueries#validCursor}). Every failure is an {@link ApiException} whose detail names the argument.
 */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** The arguments of a call as a JSON body; absent arguments count as {@code {}}. */
    public static JsonBody of(Map<String, Object> arguments) {
        return JsonBody.parse(arguments == null ? null : JsonbConfiguration.JSONB.toJson(arguments));
    }

    public static RepoName repo(JsonBody args) {
        return ClaimParams.repo(args.requiredString("repo"));
    }

    /** A claim status; an unknown one is refused like {@code PATCH /api/claims/:id} refuses it, naming the argument. */
    public static ClaimStatus status(String text) {
        return ClaimParams.status(text, " (argument status)");
    }

    /** {@code limit} of the history: 1 to 200, default 50, as {@code GET /api/claims/history} takes it. */
    public static int limit(JsonBody args) {
        return ClaimParams.limit(args.optionalPositiveInt("limit").map(String::valueOf).orElse(null));
    }

    public static Optional<String> cursor(JsonBody args) {
        Optional<String> cursor = args.optionalText("cursor");
        if (cursor.isPresent() && !ClaimQueries.validCursor(cursor.get())) {
            throw JsonBody.invalid("cursor");
        }
        return cursor;
    }
}
