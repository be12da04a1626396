package dev.issuecommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import java.util.Map;

/** What the quarantine tests do through the HTTP API (docs/behaviour.md §17): strike an issue, release, list. */
public final class Strikes {

    /** The agent whose claims keep going stale. */
    public static final String AGENT = "agent-flaky";

    private Strikes() {
    }

    /** One strike, made at once: a claim of the issue moved to {@code stale} by its agent, then released. */
    public static void strike(Api through, String repo, int issue) {
        String claimId = through.claimId(AGENT, repo, issue);
        Api.Answer stale = through.patch("/api/claims/" + claimId, Map.of("agent_id", AGENT, "status", "stale"));
        assertThat(stale.status()).as(stale.text()).isEqualTo(200);
        release(through, claimId);
    }

    /** Three strikes: with the default {@code QUARANTINE_AFTER}, the issue is quarantined. */
    public static void quarantine(Api through, String repo, int issue) {
        for (int i = 0; i < 3; i++) {
            strike(through, repo, issue);
        }
    }

    /** The agent releases its claim. */
    public static void release(Api through, String claimId) {
        Api.Answer released = through.delete("/api/claims/" + claimId, Map.of("agent_id", AGENT));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
    }

    /** {@code GET /api/quarantine?repo=}: the repository's quarantined issues. */
    public static JsonNode quarantined(Api through, String repo) {
        Api.Answer answer = through.get("/api/quarantine?repo=" + repo);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("quarantined");
    }
}
