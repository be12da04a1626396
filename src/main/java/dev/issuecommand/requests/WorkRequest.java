package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_WAIT_SECONDS;
import static dev.issuecommand.requests.FieldLimits.REPO_PATTERN;

import dev.issuecommand.github.RepoName;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/next} and {@code POST /api/next-work}, and the arguments of the {@code next_issue} and
 * {@code next_work} tools: who asks, optionally which repository, label and milestone to pick from, and how long to
 * wait for work to appear when there is none (docs/behaviour.md §18).
 */
@Schema(name = "NextRequest", description = "Who asks for work, and optionally where to pick it")
public record WorkRequest(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                example = "claude-code-macmini-1", description = "The agent's stable identifier") String agentId,
        @Schema(name = "repo", implementation = String.class, pattern = REPO_PATTERN, example = "myorg/api",
                description = "Only this repository; every allowed one otherwise") Optional<RepoName> repo,
        @Schema(name = "label", minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "Only issues carrying this label") String label,
        @Schema(name = "milestone", minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "Only issues of this milestone (its number, title, or * / none)") String milestone,
        @Schema(name = "wait_seconds", minimum = "0", maximum = "" + MAX_WAIT_SECONDS, defaultValue = "0",
                description = "When nothing is eligible, wait up to this many seconds for work to appear and "
                + "answer with it; the usual refusal when the wait ends empty") int waitSeconds) {

    public static WorkRequest from(JsonBody body) {
        return new WorkRequest(body.actingAgent("agent_id"), body.optionalRepo("repo"),
                body.optionalId("label").orElse(null), body.optionalId("milestone").orElse(null),
                body.optionalCount("wait_seconds", MAX_WAIT_SECONDS).orElse(0));
    }
}
