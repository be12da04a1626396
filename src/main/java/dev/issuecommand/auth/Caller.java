package dev.issuecommand.auth;

import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.Reason;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who sent a request (docs/behaviour.md §14, §15): the holder of the shared {@code API_KEY} (the administrator, who may
 * act for any agent by naming it), an operator signed in to the dashboard with that key (an administrator recorded
 * under the name it gave), or an agent by its own key, which acts only as itself and, when the key names
 * repositories, only on those.
 *
 * @param agentId the key's agent; null for the administrator and operators
 * @param repos the key's repositories as lower-case {@code owner/name}; empty: every repository ALLOWED_REPOS allows
 * @param operator the dashboard operator's name; null for anyone else
 */
public record Caller(String agentId, Set<String> repos, String operator) {

    /** The holder of the shared {@code API_KEY}. */
    public static final Caller ADMIN = new Caller(null, Set.of(), null);

    public Caller {
        repos = repos.stream().map(repo -> repo.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** An agent with its own key. */
    public static Caller agent(String agentId, Set<String> repos) {
        return new Caller(agentId, repos, null);
    }

    /** An operator signed in to the dashboard with the shared key, under {@code name}. */
    public static Caller operator(String name) {
        return new Caller(null, Set.of(), name);
    }

    public boolean isAdmin() {
        return agentId == null;
    }

    /** The principal recorded with each change: {@code admin}, {@code operator:<name>} or {@code agent:<id>}. */
    public String principal() {
        if (operator != null) {
            return "operator:" + operator;
        }
        return isAdmin() ? "admin" : "agent:" + agentId;
    }

    /**
     * The agent a request acts as, given the {@code agent_id} it named (if any): the administrator must name one
     * (else {@code missing}); an agent acts as itself, and naming another is {@code 403 agent_mismatch}.
     */
    public String actingAgent(Optional<String> named, Supplier<ApiException> missing) {
        if (isAdmin()) {
            return named.orElseThrow(missing);
        }
        if (named.isPresent() && !named.get().equals(agentId)) {
            throw new ApiException(Problem.refusal(Reason.NOT_YOUR_AGENT, "This key belongs to agent " + agentId
                    + "; it cannot act as " + named.get(), null, null));
        }
        return agentId;
    }

    /** True when this caller may work on {@code fullName} as far as its key goes (ALLOWED_REPOS aside). */
    public boolean permits(String fullName) {
        return repos.isEmpty() || repos.contains(fullName.toLowerCase(Locale.ROOT));
    }
}
