package dev.issuecommand.quarantine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A quarantine row's life (docs/behaviour.md §17): begun, counted, released, and what the sync sees of GitHub. */
class QuarantineTest {

    @Test
    void beginsReleasesAndBeginsAgain() {
        Quarantine q = new Quarantine("Acme/Api", 7);
        assertThat(q.active()).as("a new row before its first quarantine").isFalse();
        q.begin(3, 1_000);
        assertThat(q.active()).isTrue();
        assertThat(q.view()).isEqualTo(new QuarantineView("Acme/Api", 7, 3,
                "1970-01-01T00:00:01.000Z", "3 claims ended stale (released while stale) within the window"));
        q.count(4);
        assertThat(q.view().strikes()).isEqualTo(4);
        q.release("admin", "released on request", 2_000);
        assertThat(q.active()).isFalse();
        assertThat(q.releasedAt()).isEqualTo(2_000);
        q.begin(3, 3_000);
        assertThat(q.active()).isTrue();
        assertThat(q.releasedAt()).isNull();
    }

    @Test
    void theFirstUpdatedAtSeenIsTheBaselineAndALaterOneIsAChange() {
        Quarantine q = new Quarantine("acme/api", 7);
        q.begin(3, 1_000);
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:00:00Z")).as("baseline").isEmpty();
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:00:00Z")).as("unchanged").isEmpty();
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:05:00Z")).contains("issue changed on GitHub");
    }

    @Test
    void anUpdateByTheMirrorIsNotAChangeBySomeone() {
        Quarantine q = new Quarantine("acme/api", 7);
        q.begin(3, 1_000);
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:00:00Z")).as("baseline").isEmpty();
        q.forgetSeenUpdate();
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:01:00Z")).as("the mirror's comment: a new baseline").isEmpty();
        assertThat(q.seenOnGitHub(true, "2026-01-01T10:05:00Z")).contains("issue changed on GitHub");
    }

    @Test
    void anIssueNoLongerOpenEndsTheQuarantine() {
        Quarantine q = new Quarantine("acme/api", 7);
        q.begin(3, 1_000);
        assertThat(q.seenOnGitHub(true, null)).as("open, without updated_at").isEmpty();
        assertThat(q.seenOnGitHub(false, null)).contains("issue no longer open on GitHub");
    }

    @Test
    void keysIgnoreTheRepositorysCase() {
        assertThat(Quarantine.key("Acme/Api", 7)).isEqualTo(Quarantine.key("acme/api", 7)).isEqualTo("acme/api#7");
    }
}
