package dev.issuecommand.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.config.JsonbConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonTest {

    /** The refusal reasons and statuses of docs/behaviour.md §8. */
    @Test
    void everyReasonHasItsWireNameAndStatus() {
        Map<Reason, String> answers = new LinkedHashMap<>();
        for (Reason reason : Reason.values()) {
            answers.put(reason, reason.wire() + " " + reason.status());
        }
        assertThat(answers).containsExactly(
                Map.entry(Reason.ALREADY_CLAIMED, "already_claimed 409"),
                Map.entry(Reason.CLAIM_NOT_FOUND, "claim_not_found 404"),
                Map.entry(Reason.INVALID_TRANSITION, "invalid_transition 409"),
                Map.entry(Reason.AGENT_MISMATCH, "agent_mismatch 409"),
                Map.entry(Reason.NOT_YOUR_AGENT, "agent_mismatch 403"),
                Map.entry(Reason.INVALID_REPO, "invalid_repo 403"),
                Map.entry(Reason.INVALID_ISSUE, "invalid_issue 409"),
                Map.entry(Reason.ISSUE_NOT_FOUND, "invalid_issue 404"),
                Map.entry(Reason.WORK_ITEM_NOT_FOUND, "work_item_not_found 404"));
    }

    @Test
    void jsonShowsTheWireName() {
        assertThat(JsonbConfiguration.JSONB.toJson(new Refusal(Reason.ISSUE_NOT_FOUND, "gone")))
                .isEqualTo("{\"message\":\"gone\",\"reason\":\"invalid_issue\"}");
    }

    @Test
    void aRefusalIsAProblemWithItsReasonsStatus() {
        Problem problem = new Refusal(Reason.INVALID_REPO, "Repository evil/repo is not in ALLOWED_REPOS")
                .asException().problem();
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.type()).isEqualTo("urn:issuecommand:problem:invalid_repo");
        assertThat(problem.title()).isEqualTo("Invalid repo");
        assertThat(problem.error()).isEqualTo("invalid_repo");
        assertThat(problem.reason()).isEqualTo("invalid_repo");
        assertThat(problem.message()).isEqualTo(problem.detail());
    }
}
