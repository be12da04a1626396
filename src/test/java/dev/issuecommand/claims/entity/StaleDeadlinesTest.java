package dev.issuecommand.claims.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadlines every claim answer carries: when it goes stale, and when it is released automatically. */
class StaleDeadlinesTest {

    private static final long CLAIMED_AT = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    private static final StaleDeadlines TWO_HOURS_THEN_HALF_AN_HOUR =
            new StaleDeadlines(Duration.ofMinutes(120), Duration.ofMinutes(30));
    private static final StaleDeadlines TWO_HOURS_NO_RELEASE = new StaleDeadlines(Duration.ofMinutes(120), Duration.ZERO);

    private final Claim claim = new Claim("c-1", "owner", "acme/widgets", 7, "Title", List.of(), List.of(), CLAIMED_AT);

    @Test
    void aFreshClaimGoesStaleAfterTheTimeoutAndIsReleasedAfterTheAutoReleaseTimeOnTop() {
        ClaimView view = claim.view(TWO_HOURS_THEN_HALF_AN_HOUR);

        assertThat(view.staleAt()).isEqualTo("2026-11-30T12:00:00.000Z");
        assertThat(view.autoReleaseAt()).isEqualTo("2026-11-30T12:30:00.000Z");
    }

    @Test
    void aHeartbeatMovesBothDeadlines() {
        claim.heartbeat("owner", CLAIMED_AT + Duration.ofMinutes(90).toMillis());

        ClaimView view = claim.view(TWO_HOURS_THEN_HALF_AN_HOUR);

        assertThat(view.staleAt()).isEqualTo("2026-11-30T13:30:00.000Z");
        assertThat(view.autoReleaseAt()).isEqualTo("2026-11-30T14:00:00.000Z");
    }

    @Test
    void withoutAutoReleaseThereIsNoReleaseDeadline() {
        ClaimView view = claim.view(TWO_HOURS_NO_RELEASE);

        assertThat(view.staleAt()).isEqualTo("2026-11-30T12:00:00.000Z");
        assertThat(view.autoReleaseAt()).isNull();
    }

    @Test
    void aStaleClaimShowsOnlyWhenItIsReleasedCountedFromWhenItWentStale() {
        long wentStale = CLAIMED_AT + Duration.ofMinutes(125).toMillis();
        claim.markStale("No update in 120 minutes", wentStale);

        ClaimView view = claim.view(TWO_HOURS_THEN_HALF_AN_HOUR);

        assertThat(view.staleAt()).isNull();
        assertThat(view.autoReleaseAt()).isEqualTo("2026-11-30T12:35:00.000Z");
    }

    @Test
    void anEndedClaimHasNoDeadlines() {
        claim.change("owner", ClaimStatus.RELEASED, "done", null, CLAIMED_AT + 1000);

        ClaimView view = claim.view(TWO_HOURS_THEN_HALF_AN_HOUR);

        assertThat(view.staleAt()).isNull();
        assertThat(view.autoReleaseAt()).isNull();
    }

    @Test
    void historyAndMovesShowNoDeadlinesUntilTheFacadeAddsThem() {
        assertThat(claim.view().staleAt()).isNull();
        assertThat(claim.view().autoReleaseAt()).isNull();
    }
}
