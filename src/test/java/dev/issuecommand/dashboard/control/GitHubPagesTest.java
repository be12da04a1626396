package dev.issuecommand.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the dashboard links issues: github.com, or the GitHub Enterprise host of GITHUB_API_URL. */
class GitHubPagesTest {

    @Test
    void githubComForItsApiAndForAnythingElse() {
        assertThat(GitHubPages.issueUrl("https://api.github.com", "acme/api", 7))
                .isEqualTo("https://github.com/acme/api/issues/7");
        assertThat(GitHubPages.issueUrl("http://127.0.0.1:8123", "acme/api", 7))
                .isEqualTo("https://github.com/acme/api/issues/7");
    }

    @Test
    void theEnterpriseHostForAnEnterpriseApi() {
        assertThat(GitHubPages.issueUrl("https://ghe.example.com/api/v3/", "acme/api", 7))
                .isEqualTo("https://ghe.example.com/acme/api/issues/7");
        assertThat(GitHubPages.issueUrl("https://ghe.example.com:8443/api/v3", "acme/api", 7))
                .isEqualTo("https://ghe.example.com:8443/acme/api/issues/7");
    }
}
