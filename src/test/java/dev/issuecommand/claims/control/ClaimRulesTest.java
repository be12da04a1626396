package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    private final Claim claim = new Claim("c-1", "owner", "acme/widgets", 7, "Title", List.of("bug"), List.of(), 1000L);

    @Test
    void anotherAgentIsRefusedWithTheOwnerNamed() {
        ClaimResult result = ClaimRules.check(claim, "intruder", ClaimStatus.IN_PROGRESS, null).orElseThrow();
        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("agent_mismatch");
        assertThat(result.ownerAgentId()).isEqualTo("owner");
    }

    @Test
    void ownershipIsCheckedBeforeIdempotence() {
        assertThat(ClaimRules.check(claim, "intruder", ClaimStatus.CLAIMED, null).orElseThrow().reason())
                .isEqualTo("agent_mismatch");
    }

    @Test
    void theCurrentStatusIsAnIdempotentSuccess() {
        ClaimResult result = ClaimRules.check(claim, "owner", ClaimStatus.CLAIMED, null).orElseThrow();
        assertThat(result.ok()).isTrue();
        assertThat(result.idempotent()).isTrue();
        assertThat(result.claim().claimId()).isEqualTo("c-1");
    }

    @Test
    void prSubmittedNeedsAPrUrlFromTheRequestOrTheClaim() {
        claim.moveTo(ClaimStatus.IN_PROGRESS, null, null, 2000L, true);
        ClaimResult refused = ClaimRules.check(claim, "owner", ClaimStatus.PR_SUBMITTED, null).orElseThrow();
        assertThat(refused.reason()).isEqualTo("invalid_transition");
        assertThat(refused.message()).contains("pr_url");
        assertThat(ClaimRules.check(claim, "owner", ClaimStatus.PR_SUBMITTED, "https://github.com/a/b/pull/1"))
                .isEmpty();
    }

    @Test
    void theTableDecidesTheRest() {
        ClaimResult skip = ClaimRules.check(claim, "owner", ClaimStatus.PR_MERGED, null).orElseThrow();
        assertThat(skip.reason()).isEqualTo("invalid_transition");
        assertThat(skip.message()).contains("allowed: in_progress, released, stale");
        assertThat(ClaimRules.check(claim, "owner", ClaimStatus.IN_PROGRESS, null)).isEmpty();
    }

    @Test
    void anEndedClaimCannotMoveAgain() {
        claim.moveTo(ClaimStatus.RELEASED, "bye", null, 3000L, true);
        assertThat(claim.active()).isFalse();
        Optional<ClaimResult> again = ClaimRules.check(claim, "owner", ClaimStatus.IN_PROGRESS, null);
        assertThat(again.orElseThrow().reason()).isEqualTo("claim_not_found");
        assertThat(ClaimRules.check(claim, "owner", ClaimStatus.RELEASED, null).orElseThrow().idempotent()).isTrue();
    }
}
