package dev.issuecommand.followups.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PullRequestKeyTest {

    @Test
    void pullRequestUrlsOfEveryShapeMatch() {
        assertThat(PullRequestKey.fromUrl("https://github.com/Acme/Widgets/pull/7")).contains("acme/widgets#7");
        assertThat(PullRequestKey.fromUrl("https://github.com/acme/widgets/pull/7/files")).contains("acme/widgets#7");
        assertThat(PullRequestKey.fromUrl("https://api.github.com/repos/acme/widgets/pulls/7")).contains("acme/widgets#7");
        assertThat(PullRequestKey.fromUrl("https://ghe.example/api/v3/repos/acme/widgets/pulls/7")).contains("acme/widgets#7");
        assertThat(PullRequestKey.fromUrl("https://github.com/acme/widgets/issues/7")).isEmpty();
        assertThat(PullRequestKey.fromUrl(null)).isEmpty();
        assertThat(PullRequestKey.of("Acme/Widgets", 7)).isEqualTo("acme/widgets#7");
    }
}
