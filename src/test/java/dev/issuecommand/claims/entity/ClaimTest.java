package dev.issuecommand.claims.entity;

import static dev.issuecommand.claims.entity.ClaimStatus.CLAIMED;
import static dev.issuecommand.claims.entity.ClaimStatus.CLOSED;
import static dev.issuecommand.claims.entity.ClaimStatus.IN_PROGRESS;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_MERGED;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_SUBMITTED;
import static dev.issuecommand.claims.entity.ClaimStatus.RELEASED;
import static dev.issuecommand.claims.entity.ClaimStatus.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The claim's rules: the transition table, the agent's moves (owner only) and the system's moves. */
class ClaimTest {

    private static final Map<ClaimStatus, Set<ClaimStatus>> TABLE = Map.of(
            CLAIMED, EnumSet.of(IN_PROGRESS, RELEASED, STALE),
            IN_PROGRESS, EnumSet.of(PR_SUBMITTED, RELEASED, STALE),
            PR_SUBMITTED, EnumSet.of(PR_MERGED, RELEASED, STALE),
            PR_MERGED, EnumSet.of(CLOSED, RELEASED, STALE),
            STALE, EnumSet.of(IN_PROGRESS, RELEASED),
            CLOSED, EnumSet.noneOf(ClaimStatus.class),
            RELEASED, EnumSet.noneOf(ClaimStatus.class));

    private final Claim claim = new Claim("c-1", "owner", "acme/widgets", 7, "Title", List.of("bug"), List.of(), 1000L);

    @Test
    void everyPairFollowsTheSpecTable() {
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                assertThat(Claim.TRANSITIONS.allows(from, to)).as(from + " -> " + to)
                        .isEqualTo(TABLE.get(from).contains(to));
            }
        }
    }

    @Test
    void terminalStatusesAreClosedAndReleased() {
        assertThat(EnumSet.allOf(ClaimStatus.class).stream().filter(ClaimStatus::terminal))
                .containsExactlyInAnyOrder(CLOSED, RELEASED);
    }

    @Test
    void wireNamesRoundTrip() {
        for (ClaimStatus status : ClaimStatus.values()) {
            assertThat(ClaimStatus.parse(status.wire())).contains(status);
        }
        assertThat(ClaimStatus.parse("IN_PROGRESS")).isEmpty();
        assertThat(ClaimStatus.parse(null)).isEmpty();
    }

    @Test
    void anotherAgentIsRefusedWithTheOwnerNamed() {
        Move<ClaimResult> move = claim.change("intruder", IN_PROGRESS, null, null, 2000L);
        ClaimResult result = move.answer();
        assertThat(result.ok()).isFalse();
        assertThat(result.reason().wire()).isEqualTo("agent_mismatch");
        assertThat(result.ownerAgentId()).isEqualTo("owner");
        assertThat(move.changed()).isFalse();
        assertThat(move.event()).isNull();
        assertThat(claim.status()).isEqualTo(CLAIMED);
    }

    @Test
    void ownershipIsCheckedBeforeIdempotence() {
        assertThat(claim.change("intruder", CLAIMED, null, null, 2000L).answer().reason().wire())
                .isEqualTo("agent_mismatch");
    }

    @Test
    void theCurrentStatusIsAnIdempotentSuccess() {
        Move<ClaimResult> move = claim.change("owner", CLAIMED, null, null, 2000L);
        ClaimResult result = move.answer();
        assertThat(result.ok()).isTrue();
        assertThat(result.idempotent()).isTrue();
        assertThat(result.claim().claimId()).isEqualTo("c-1");
        assertThat(move.event()).isNull();
    }

    @Test
    void prSubmittedNeedsAPrUrlFromTheRequestOrTheClaim() {
        claim.change("owner", IN_PROGRESS, null, null, 2000L);
        ClaimResult refused = claim.change("owner", PR_SUBMITTED, null, null, 2500L).answer();
        assertThat(refused.reason().wire()).isEqualTo("invalid_transition");
        assertThat(refused.message()).contains("pr_url");
        Move<ClaimResult> moved = claim.change("owner", PR_SUBMITTED, null, "https://github.com/a/b/pull/1", 3000L);
        assertThat(moved.changed()).isTrue();
        assertThat(moved.answer().claim().prUrl()).isEqualTo("https://github.com/a/b/pull/1");
    }

    @Test
    void theTableDecidesTheRest() {
        ClaimResult skip = claim.change("owner", PR_MERGED, null, null, 2000L).answer();
        assertThat(skip.reason().wire()).isEqualTo("invalid_transition");
        assertThat(skip.message()).contains("allowed: in_progress, released, stale");
        Move<ClaimResult> moved = claim.change("owner", IN_PROGRESS, "go", null, 2000L);
        assertThat(moved.changed()).isTrue();
        assertThat(moved.answer().ok()).isTrue();
        assertThat(moved.event().type()).isEqualTo("claim.updated");
        assertThat(moved.event().details()).isEqualTo(Map.of("status", "in_progress", "note", "go"));
        assertThat(claim.lastActivityAt()).isEqualTo(2000L);
    }

    @Test
    void anEndedClaimCannotMoveAgain() {
        Move<ClaimResult> release = claim.change("owner", RELEASED, "bye", null, 3000L);
        assertThat(release.event().type()).isEqualTo("claim.released");
        assertThat(claim.active()).isFalse();
        Move<ClaimResult> again = claim.change("owner", IN_PROGRESS, null, null, 4000L);
        assertThat(again.answer().reason().wire()).isEqualTo("claim_not_found");
        assertThat(claim.change("owner", RELEASED, null, null, 4000L).answer().idempotent()).isTrue();
    }

    @Test
    void aHeartbeatIsTheOwnersAndRecordsNothing() {
        assertThat(claim.heartbeat("intruder", 2000L).answer().reason().wire()).isEqualTo("agent_mismatch");
        Move<ClaimResult> beat = claim.heartbeat("owner", 2000L);
        assertThat(beat.changed()).isTrue();
        assertThat(beat.event()).isNull();
        assertThat(claim.lastActivityAt()).isEqualTo(2000L);
        claim.change("owner", RELEASED, null, null, 3000L);
        assertThat(claim.heartbeat("owner", 4000L).answer().message()).isEqualTo("Claim c-1 not found");
    }

    @Test
    void theSweepMarksStaleThenReleasesWithoutCountingAsActivity() {
        assertThat(claim.autoRelease("late", 2000L).changed()).as("only a stale claim is auto-released").isFalse();
        Move<ClaimResult> stale = claim.markStale("No update in 1 minutes", 61_000L);
        assertThat(stale.event().type()).isEqualTo("claim.stale");
        assertThat(stale.event().details()).isEqualTo(Map.of("status", "stale", "previous_status", "claimed",
                "note", "No update in 1 minutes"));
        assertThat(claim.staleSince()).isEqualTo(61_000L);
        assertThat(claim.lastActivityAt()).isEqualTo(1000L);
        assertThat(claim.markStale("again", 62_000L).changed()).isFalse();
        Move<ClaimResult> released = claim.autoRelease("Auto released", 90_000L);
        assertThat(released.event().type()).isEqualTo("claim.auto_released");
        assertThat(claim.status()).isEqualTo(RELEASED);
        assertThat(claim.active()).isFalse();
    }

    @Test
    void anOperatorReleasesAnyActiveClaimWhoeverHoldsIt() {
        claim.change("owner", ClaimStatus.IN_PROGRESS, null, null, 2000L);
        claim.actingAs("operator:alice");
        Move<ClaimResult> released = claim.releaseForOperator("stuck", 3000L);
        assertThat(released.event().type()).isEqualTo("claim.released");
        assertThat(released.event().details()).containsEntry("previous_status", "in_progress")
                .containsEntry("note", "stuck");
        assertThat(claim.active()).isFalse();
        assertThat(claim.view().statusHistory().get(2).actor()).isEqualTo("operator:alice");
        assertThat(claim.releaseForOperator("again", 4000L).answer().idempotent()).isTrue();
    }

    @Test
    void gitHubClosesAnyActiveClaimAndRefreshesMetadata() {
        Move<ClaimResult> same = claim.refreshMetadata("Title", List.of("bug"), List.of(), 2000L);
        assertThat(same.changed()).isFalse();
        Move<ClaimResult> renamed = claim.refreshMetadata("New title", List.of("bug"), List.of("amy"), 2000L);
        assertThat(renamed.event().details()).isEqualTo(Map.of("status", "claimed", "metadata_refreshed", true,
                "source", "github_sync"));
        assertThat(claim.lastActivityAt()).as("metadata is not agent activity").isEqualTo(1000L);
        Move<ClaimResult> closed = claim.closeExternally(3000L);
        assertThat(closed.event().type()).isEqualTo("claim.updated");
        assertThat(closed.event().details()).isEqualTo(Map.of("status", "closed", "note", Claim.CLOSED_EXTERNALLY,
                "source", "github_sync"));
        assertThat(claim.active()).isFalse();
        assertThat(claim.closeExternally(4000L).changed()).isFalse();
    }

    @Test
    void onlyAReleaseOfAStaleClaimStrikesItsIssue() {
        assertThat(struck(c -> c.markStale("No update", 61_000L))).as("going stale is not yet a strike").isFalse();
        assertThat(strikesAfterStale(c -> c.change("owner", RELEASED, "gave up", null, 70_000L)))
                .as("its agent releases it while stale").isTrue();
        assertThat(strikesAfterStale(c -> c.releaseForOperator("stuck", 70_000L))).as("an operator does").isTrue();
        assertThat(strikesAfterStale(c -> c.autoRelease("Auto released", 90_000L))).as("the auto-release").isTrue();
        assertThat(strikesAfterStale(c -> c.change("owner", IN_PROGRESS, "back", null, 70_000L)))
                .as("back to work").isFalse();
        assertThat(strikesAfterStale(c -> c.closeExternally(70_000L))).as("closed on GitHub").isFalse();
        assertThat(struck(c -> c.change("owner", RELEASED, "done with it", null, 2000L)))
                .as("a release of a claim that was never stale").isFalse();
        assertThat(strikesAfterStale(c -> c.change("intruder", RELEASED, null, null, 70_000L)))
                .as("a refused release").isFalse();
    }

    private static boolean struck(Function<Claim, Move<ClaimResult>> ask) {
        Claim fresh = new Claim("c-2", "owner", "acme/widgets", 8, "Title", List.of(), List.of(), 1000L);
        ClaimStatus before = fresh.status();
        return fresh.struck(before, ask.apply(fresh));
    }

    private static boolean strikesAfterStale(Function<Claim, Move<ClaimResult>> ask) {
        Claim fresh = new Claim("c-3", "owner", "acme/widgets", 9, "Title", List.of(), List.of(), 1000L);
        fresh.markStale("No update", 61_000L);
        ClaimStatus before = fresh.status();
        return fresh.struck(before, ask.apply(fresh));
    }
}
