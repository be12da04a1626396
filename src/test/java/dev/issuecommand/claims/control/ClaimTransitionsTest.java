package dev.issuecommand.claims.control;

import static dev.issuecommand.claims.entity.ClaimStatus.CLAIMED;
import static dev.issuecommand.claims.entity.ClaimStatus.CLOSED;
import static dev.issuecommand.claims.entity.ClaimStatus.IN_PROGRESS;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_MERGED;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_SUBMITTED;
import static dev.issuecommand.claims.entity.ClaimStatus.RELEASED;
import static dev.issuecommand.claims.entity.ClaimStatus.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.claims.entity.ClaimStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimTransitionsTest {

    private static final Map<ClaimStatus, Set<ClaimStatus>> DOCUMENTED = Map.of(
            CLAIMED, EnumSet.of(IN_PROGRESS, RELEASED, STALE),
            IN_PROGRESS, EnumSet.of(PR_SUBMITTED, RELEASED, STALE),
            PR_SUBMITTED, EnumSet.of(PR_MERGED, RELEASED, STALE),
            PR_MERGED, EnumSet.of(CLOSED, RELEASED, STALE),
            STALE, EnumSet.of(IN_PROGRESS, RELEASED),
            CLOSED, EnumSet.noneOf(ClaimStatus.class),
            RELEASED, EnumSet.noneOf(ClaimStatus.class));

    @Test
    void everyPairFollowsTheSpecTable() {
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                assertThat(ClaimTransitions.allowed(from, to)).as(from + " -> " + to)
                        .isEqualTo(DOCUMENTED.get(from).contains(to));
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
}
