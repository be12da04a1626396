package dev.issuecommand.followups.entity;

import static dev.issuecommand.followups.entity.FollowupStatus.CLAIMED;
import static dev.issuecommand.followups.entity.FollowupStatus.DISMISSED;
import static dev.issuecommand.followups.entity.FollowupStatus.DONE;
import static dev.issuecommand.followups.entity.FollowupStatus.IN_PROGRESS;
import static dev.issuecommand.followups.entity.FollowupStatus.QUEUED;
import static dev.issuecommand.followups.entity.FollowupStatus.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.claims.entity.Move;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The follow-up's rules: the transition table, ownership, and the system's moves. */
class FollowupTest {

    private final Followup followup = new Followup("w-1", new NewFollowup("acme/widgets", 7,
            "https://github.com/acme/widgets/pull/7", "Fix", SourceEventType.REVIEW_COMMENT, "src-1", "d-1", "alice",
            "Please fix", List.of("nit")), 1000L);

    @Test
    void transitionTableOfSpecSection7() {
        assertThat(Followup.TRANSITIONS.allows(QUEUED, CLAIMED)).isTrue();
        assertThat(Followup.TRANSITIONS.allows(QUEUED, STALE)).isTrue();
        assertThat(Followup.TRANSITIONS.allows(CLAIMED, QUEUED)).isFalse();
        assertThat(Followup.TRANSITIONS.allows(IN_PROGRESS, CLAIMED)).isFalse();
        assertThat(Followup.TRANSITIONS.allows(IN_PROGRESS, DONE)).isTrue();
        assertThat(Followup.TRANSITIONS.allows(STALE, CLAIMED)).isTrue();
        assertThat(Followup.TRANSITIONS.allows(DONE, IN_PROGRESS)).isFalse();
        assertThat(Followup.TRANSITIONS.describeFrom(DISMISSED)).isEqualTo("none (terminal)");
        assertThat(Followup.TRANSITIONS.describeFrom(IN_PROGRESS)).isEqualTo("dismissed, done, stale");
    }

    @Test
    void anUnclaimedItemIsTakenFirstAndThenOnlyItsOwnerMovesIt() {
        FollowupResult unclaimed = followup.change("a", DONE, null, 2000L).answer();
        assertThat(unclaimed.reason().wire()).isEqualTo("invalid_transition");
        assertThat(unclaimed.message()).contains("is unclaimed");
        Move<FollowupResult> taken = followup.change("a", IN_PROGRESS, null, 2000L);
        assertThat(taken.event().type()).isEqualTo("followup.claimed");
        assertThat(taken.event().agentId()).isEqualTo("a");
        FollowupResult other = followup.change("b", DONE, null, 3000L).answer();
        assertThat(other.reason().wire()).isEqualTo("agent_mismatch");
        assertThat(other.ownerAgentId()).isEqualTo("a");
        assertThat(followup.change("a", IN_PROGRESS, null, 3000L).answer().idempotent()).isTrue();
        assertThat(followup.change("a", CLAIMED, null, 3000L).answer().message())
                .isEqualTo("Cannot move follow-up from in_progress to claimed; allowed: dismissed, done, stale");
    }

    @Test
    void aStaleItemMayBeTakenOverAndAnEndedOneIsGone() {
        followup.claimFor("a", 2000L);
        Move<FollowupResult> stale = followup.markStale("No update in 1 minutes", 70_000L);
        assertThat(stale.event().type()).isEqualTo("followup.stale");
        assertThat(followup.markStale("again", 80_000L).changed()).isFalse();
        Move<FollowupResult> takeover = followup.change("b", CLAIMED, null, 90_000L);
        assertThat(takeover.event().type()).isEqualTo("followup.claimed");
        assertThat(followup.claimedByAgentId()).isEqualTo("b");
        Move<FollowupResult> dismissed = followup.change("b", DISMISSED, "not needed", 95_000L);
        assertThat(dismissed.event().type()).isEqualTo("followup.dismissed");
        assertThat(dismissed.answer().workItem().dismissReason()).isEqualTo("not needed");
        assertThat(followup.active()).isFalse();
        assertThat(followup.change("b", IN_PROGRESS, null, 99_000L).answer().reason().wire())
                .isEqualTo("work_item_not_found");
    }

    @Test
    void aPushResolvesTheItem() {
        Move<FollowupResult> done = followup.resolveByPush(2000L);
        assertThat(done.event().type()).isEqualTo("followup.done");
        assertThat(done.event().details()).containsEntry("note", Followup.RESOLVED_BY_PUSH)
                .containsEntry("pr_url", "https://github.com/acme/widgets/pull/7");
        assertThat(followup.active()).isFalse();
        assertThat(followup.resolveByPush(3000L).changed()).isFalse();
    }

    @Test
    void anOperatorRequeuesAHeldItemUnownedAndDismissesAnother() {
        followup.change("a", IN_PROGRESS, null, 2000L);
        Move<FollowupResult> requeued = followup.requeue("holder gone", 3000L);
        assertThat(requeued.event().type()).isEqualTo("followup.requeued");
        assertThat(followup.status()).isEqualTo(QUEUED);
        assertThat(followup.claimedByAgentId()).isNull();
        assertThat(followup.requeue("again", 3500L).changed()).isFalse();
        assertThat(followup.change("b", CLAIMED, null, 4000L).answer().ok()).as("anyone's again").isTrue();
        Move<FollowupResult> dismissed = followup.dismiss("not needed", 5000L);
        assertThat(dismissed.event().type()).isEqualTo("followup.dismissed");
        assertThat(followup.active()).isFalse();
        assertThat(followup.requeue("too late", 6000L).answer().reason().wire()).isEqualTo("work_item_not_found");
    }
}
