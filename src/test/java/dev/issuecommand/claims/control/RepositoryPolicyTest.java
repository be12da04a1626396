package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryPolicyTest {

    private static RepositoryPolicy policy(Map<String, String> values) {
        return policy(values, Optional.empty());
    }

    /** The policy with {@code values} as settings, serving {@code caller} (empty: the server's own work). */
    private static RepositoryPolicy policy(Map<String, String> values, Optional<Caller> caller) {
        Map<String, String> all = new HashMap<>(Map.of("GITHUB_TOKEN", "ghp_secret", "API_KEY", "key-secret"));
        all.putAll(values);
        RepositoryPolicy policy = new RepositoryPolicy();
        policy.settings = Settings.from(all::get);
        policy.callers = new Callers() {
            @Override
            public Optional<Caller> current() {
                return caller;
            }
        };
        return policy;
    }

    @Test
    void anAgentKeyNamingRepositoriesNarrowsTheListForItsAgentOnly() {
        Map<String, String> settings = Map.of("ALLOWED_REPOS", "acme/widgets,acme/gadgets");
        RepositoryPolicy agent = policy(settings, Optional.of(Caller.agent("agent-a", Set.of("Acme/Gadgets"))));
        assertThat(agent.allows("acme/gadgets")).isTrue();
        assertThat(agent.allows("acme/widgets")).isFalse();
        assertThat(agent.inScope()).containsExactly(new RepoName("acme", "gadgets"));
        assertThat(agent.refusal(new RepoName("acme", "widgets"))).contains(new Refusal(Reason.INVALID_REPO,
                "Repository acme/widgets is not among the repositories of the key of agent agent-a"));
        assertThat(agent.refusal(new RepoName("evil", "repo"))).contains(new Refusal(Reason.INVALID_REPO,
                "Repository evil/repo is not in ALLOWED_REPOS"));
        assertThat(policy(settings, Optional.of(Caller.agent("agent-b", Set.of()))).inScope()).hasSize(2);
        assertThat(policy(settings, Optional.of(Caller.ADMIN)).inScope()).hasSize(2);
        assertThat(policy(settings).keyRefusal(new RepoName("acme", "widgets"))).as("the server's own work").isEmpty();
    }

    @Test
    void allowedReposAreCaseInsensitive() {
        RepositoryPolicy policy = policy(Map.of("ALLOWED_REPOS", " Acme/Widgets ,acme/gadgets,"));
        assertThat(policy.allows("ACME/widgets")).isTrue();
        assertThat(policy.allows("evil/repo")).isFalse();
        assertThat(policy(Map.of()).allows("any/repo")).isTrue();
        assertThat(policy.inScope()).containsExactly(new RepoName("acme", "widgets"), new RepoName("acme", "gadgets"));
    }

    @Test
    void aRepositoryOutsideIsOneRefusal() {
        RepositoryPolicy policy = policy(Map.of("ALLOWED_REPOS", "acme/widgets"));
        RepoName evil = new RepoName("evil", "repo");
        assertThat(policy.refusal(new RepoName("Acme", "Widgets"))).isEmpty();
        assertThat(policy.refusal(evil)).contains(new Refusal(Reason.INVALID_REPO,
                "Repository evil/repo is not in ALLOWED_REPOS"));
        assertThatThrownBy(() -> policy.requireAllowed(evil)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(403);
            assertThat(e.problem().reason()).isEqualTo("invalid_repo");
            assertThat(e.problem().detail()).isEqualTo("Repository evil/repo is not in ALLOWED_REPOS");
        });
    }
}
