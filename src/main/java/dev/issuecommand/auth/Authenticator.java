package dev.issuecommand.auth;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.problems.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns an {@code Authorization} header into a caller, the same way on every door (the HTTP API, {@code /sse},
 * {@code /mcp}): the shared {@code API_KEY} is the administrator, an agent key its agent (docs/behaviour.md §8, §14).
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    @Inject
    Settings settings;

    @Inject
    AgentKeyLookup agentKeys;

    /** Who sent {@code authorizationHeader}. */
    public KeyCheck check(String authorizationHeader) {
        if (ApiKey.matches(authorizationHeader, settings.apiKey())) {
            return new KeyCheck.Valid(Caller.ADMIN);
        }
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
            return new KeyCheck.Unknown();
        }
        return agentKeys.check(authorizationHeader.substring(BEARER.length()).strip());
    }

    /** The 401 answer for a check that found no valid key. */
    public static Problem refusal(KeyCheck check) {
        if (check instanceof KeyCheck.Expired expired) {
            return Problem.of(401, "key_expired", "Key expired", "The agent key of " + expired.agentId()
                    + " has expired; ask the operator for a new one");
        }
        return Problem.of(401, "unauthorized", "Unauthorized", "Send Authorization: Bearer <API_KEY or agent key>");
    }
}
