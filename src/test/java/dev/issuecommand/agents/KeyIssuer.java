package dev.issuecommand.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues agent keys through {@code POST /api/admin/agents} for the tests, and remembers every key it saw so a test can
 * check none of them shows up where it must not.
 */
final class KeyIssuer {

    /** The shape of an agent key: {@code icak_}, 12 hex digits, {@code _}, 43 base64url characters. */
    static final String SHAPE = "icak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}";

    private final Api admin;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KeyIssuer(Api admin) {
        this.admin = admin;
    }

    /** Issues a key to {@code agent} for {@code repos} (none: every allowed one) and answers it; fails unless 201. */
    String issue(String agent, List<String> repos) {
        return issue(agent, repos, null);
    }

    /** As {@link #issue(String, List)}, expiring at {@code expiresAt} (ISO-8601; null: never). */
    String issue(String agent, List<String> repos, String expiresAt) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agent, "repos", repos));
        if (expiresAt != null) {
            body.put("expires_at", expiresAt);
        }
        Api.Answer answer = send(body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().get("key").asText();
    }

    /** Sends {@code body} to {@code POST /api/admin/agents}; a key in the answer is remembered. */
    Api.Answer send(Object body) {
        Api.Answer answer = admin.post("/api/admin/agents", body);
        if (answer.json().hasNonNull("key")) {
            seen.add(answer.json().get("key").asText());
        }
        return answer;
    }

    /** Every key issued so far, revoked, rotated and expired ones included. */
    Set<String> seen() {
        return Set.copyOf(seen);
    }
}
