package dev.issuecommand.followups.control;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * An agent's work (docs/behaviour.md §8 {@code GET /api/my-work}, MCP {@code get_my_work}): its active claims and
 * follow-ups.
 */
@ApplicationScoped
public class MyWork {

    @Inject
    Claims claims;

    @Inject
    Followups followups;

    /** {@code {work:{claims, followups}}} for {@code agentId}. */
    public Map<String, Object> of(String agentId) {
        return Map.of("work", Map.of(
                "claims", claims.active(new ClaimQueries.Filter(agentId, null, null)),
                "followups", followups.active(new FollowupQueries.Filter(null, null, agentId, null))));
    }
}
