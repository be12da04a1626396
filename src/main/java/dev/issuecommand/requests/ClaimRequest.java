package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.REPO_PATTERN;

import dev.issuecommand.github.RepoName;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Claim one issue: the body of {@code POST /api/claims} and the arguments of {@code claim_issue}. */
@Schema(name = "ClaimRequest", description = "Claim one issue")
public record ClaimRequest(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                example = "claude-code-macmini-1", description = "The claiming agent's stable identifier") String agentId,
        @Schema(name = "repo", required = true, implementation = String.class, pattern = REPO_PATTERN,
                example = "myorg/api") RepoName repo,
        @Schema(name = "issue_number", required = true, minimum = "1", example = "42") int issueNumber) {

    public static ClaimRequest from(JsonBody body) {
        return new ClaimRequest(body.actingAgent("agent_id"), body.requiredRepo("repo"),
                body.requiredPositiveInt("issue_number"));
    }
}
