package dev.issuecommand.followups.boundary;

import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;

/** Validates follow-up parameters for the HTTP routes and the MCP tools alike, answering 400 naming the field. */
public final class FollowupParams {

    private FollowupParams() {
    }

    /** A follow-up status; {@code suffix} is appended to the error (MCP adds " (argument status)"). */
    public static FollowupStatus status(String text, String suffix) {
        return FollowupStatus.parse(text)
                .orElseThrow(() -> ApiException.badRequest("Invalid follow-up status: " + text + suffix));
    }

    /** The list filters of {@code GET /api/followups} and {@code get_followups}. */
    public static FollowupQueries.Filter filter(String repo, String status, String agentId, String prNumber) {
        if (repo != null && RepoName.parse(repo).isEmpty()) {
            throw JsonBody.invalid("repo");
        }
        if (status != null) {
            status(status, "");
        }
        if (agentId != null && !JsonBody.isIdentifier(agentId)) {
            throw JsonBody.invalid("claimed_by_agent_id");
        }
        Integer pr = null;
        if (prNumber != null) {
            try {
                pr = Integer.parseInt(prNumber.strip());
            } catch (NumberFormatException e) {
                throw JsonBody.invalid("pr_number");
            }
            if (pr <= 0) {
                throw JsonBody.invalid("pr_number");
            }
        }
        return new FollowupQueries.Filter(repo, status, agentId, pr);
    }
}
