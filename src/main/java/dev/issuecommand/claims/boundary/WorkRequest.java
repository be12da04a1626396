package dev.issuecommand.claims.boundary;

import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.JsonBody;
import java.util.Optional;

/**
 * The body of {@code POST /api/next} and {@code POST /api/next-work}, and the arguments of the {@code next_issue} and
 * {@code next_work} tools: who asks, and optionally which repository, label and milestone to pick from.
 */
public record WorkRequest(String agentId, Optional<RepoName> repo, String label, String milestone) {

    /** Reads and validates the four fields, answering 400 naming the field that is missing or invalid. */
    public static WorkRequest from(JsonBody body) {
        return new WorkRequest(body.requiredId("agent_id"), body.optionalText("repo").map(ClaimParams::repo),
                body.optionalText("label").orElse(null), body.optionalText("milestone").orElse(null));
    }
}
