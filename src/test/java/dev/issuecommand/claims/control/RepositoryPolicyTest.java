package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryPolicyTest {

    private static RepositoryPolicy policy(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("GITHUB_TOKEN", "ghp_secret", "API_KEY", "key-secret"));
        all.putAll(values);
        RepositoryPolicy policy = new RepositoryPolicy();
        policy.settings = Settings.from(all::get);
        return policy;
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
