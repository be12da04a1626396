package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;

/** Validates the query and body parameters shared by the claim routes, answering 400 naming the field. */
public final class ClaimParams {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private ClaimParams() {
    }

    public static RepoName repo(String text) {
        return RepoName.parse(text).orElseThrow(() -> JsonBody.invalid("repo"));
    }

    public static ClaimQueries.Filter filter(String agentId, String repo, String status) {
        if (agentId != null && !JsonBody.isIdentifier(agentId)) {
            throw JsonBody.invalid("agent_id");
        }
        if (repo != null && RepoName.parse(repo).isEmpty()) {
            throw JsonBody.invalid("repo");
        }
        if (status != null) {
            status(status, "");
        }
        return new ClaimQueries.Filter(agentId, repo, status);
    }

    /** A claim status; an unknown one is a 400 naming it, {@code suffix} telling where it came from (MCP). */
    public static ClaimStatus status(String text, String suffix) {
        return ClaimStatus.parse(text).orElseThrow(() -> ApiException.badRequest("Invalid claim status: " + text + suffix));
    }

    /** {@code limit} from 1 to 200, default 50. */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw JsonBody.invalid("limit");
    }
}
