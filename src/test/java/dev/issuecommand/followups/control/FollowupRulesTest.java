package dev.issuecommand.followups.control;

import static dev.issuecommand.followups.entity.FollowupStatus.CLAIMED;
import static dev.issuecommand.followups.entity.FollowupStatus.DISMISSED;
import static dev.issuecommand.followups.entity.FollowupStatus.DONE;
import static dev.issuecommand.followups.entity.FollowupStatus.IN_PROGRESS;
import static dev.issuecommand.followups.entity.FollowupStatus.QUEUED;
import static dev.issuecommand.followups.entity.FollowupStatus.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transition table, pull request keys, and the sweep's schedule. */
class FollowupRulesTest {

    @Test
    void transitionTableOfSpecSection7() {
        assertThat(FollowupTransitions.allowed(QUEUED, CLAIMED)).isTrue();
        assertThat(FollowupTransitions.allowed(QUEUED, STALE)).isTrue();
        assertThat(FollowupTransitions.allowed(CLAIMED, QUEUED)).isFalse();
        assertThat(FollowupTransitions.allowed(IN_PROGRESS, CLAIMED)).isFalse();
        assertThat(FollowupTransitions.allowed(IN_PROGRESS, DONE)).isTrue();
        assertThat(FollowupTransitions.allowed(STALE, CLAIMED)).isTrue();
        assertThat(FollowupTransitions.allowed(DONE, IN_PROGRESS)).isFalse();
        assertThat(FollowupTransitions.describeFrom(DISMISSED)).isEqualTo("none (terminal)");
        assertThat(FollowupTransitions.describeFrom(IN_PROGRESS)).isEqualTo("dismissed, done, stale");
    }

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

    @Test
    void sweepRunsOftenEnoughForShortTimeouts() {
        assertThat(FollowupStaleSweep.period(Duration.ofDays(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(FollowupStaleSweep.period(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(FollowupStaleSweep.period(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Minutes.format(Duration.ofSeconds(3))).isEqualTo("0.05");
        assertThat(Minutes.format(Duration.ofMinutes(1440))).isEqualTo("1440");
    }
}
