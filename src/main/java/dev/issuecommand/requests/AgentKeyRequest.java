package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.REPO_PATTERN;

import dev.issuecommand.github.RepoName;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Issue a key to an agent: the body of {@code POST /api/admin/agents}. */
@Schema(name = "AgentKeyRequest", description = "Issue a key to an agent")
public record AgentKeyRequest(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                example = "claude-code-macmini-1", description = "The agent the key will act as") String agentId,
        @Schema(name = "repos", maxItems = AgentKeyRequest.MAX_REPOS, description = "The repositories the agent may "
                + "work on, within ALLOWED_REPOS; absent or empty: every one ALLOWED_REPOS allows",
                implementation = String[].class, pattern = REPO_PATTERN) List<RepoName> repos,
        @Schema(name = "expires_at", format = "date-time", example = "2027-01-31T00:00:00Z",
                description = "When the key stops working; absent: never") Long expiresAt,
        @Schema(name = "rotate", description = "Replace the agent's key if it has one (the old key stops working "
                + "at once); without it, an agent that has a key keeps it and the answer is 409") boolean rotate) {

    /** The most repositories one key may name. */
    public static final int MAX_REPOS = 100;

    /** A field of a well-formed request that no key may be issued with: its name and why. */
    public record Refused(String field, String why) {
    }

    public static AgentKeyRequest from(JsonBody body) {
        return new AgentKeyRequest(body.requiredId("agent_id"), body.optionalRepos("repos", MAX_REPOS).orElse(List.of()),
                body.optionalInstant("expires_at").orElse(null), body.optionalFlag("rotate").orElse(false));
    }

    /** The repositories named, as {@code owner/name}. */
    public List<String> repoNames() {
        return repos.stream().map(RepoName::fullName).toList();
    }

    /**
     * The rules of issuing a key, for {@code POST /api/admin/agents} and {@code agents add} alike: every repository
     * named must be one {@code allowList} admits, and an expiry must be after {@code now}. Empty when the key may be
     * issued.
     */
    public Optional<Refused> refused(Predicate<String> allowList, long now) {
        for (RepoName repo : repos) {
            if (!allowList.test(repo.fullName())) {
                return Optional.of(new Refused("repos", "Repository " + repo + " is not in ALLOWED_REPOS"));
            }
        }
        if (expiresAt != null && expiresAt <= now) {
            return Optional.of(new Refused("expires_at", "it is in the past"));
        }
        return Optional.empty();
    }
}
