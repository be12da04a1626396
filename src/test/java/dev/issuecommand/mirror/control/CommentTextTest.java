package dev.issuecommand.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.mirror.entity.MirroredClaim;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    private static MirroredClaim claim(String status, String prUrl, boolean active) {
        return new MirroredClaim("c-1", "agent-7", "acme/widgets", 4, status, prUrl, active);
    }

    @Test
    void anActiveClaimSaysWhoHoldsItAndItsStatus() {
        assertThat(CommentText.body(claim("in_progress", null, true))).isEqualTo(
                "Claimed by agent `agent-7` via IssueCommand — status: in progress\n\n<!-- issuecommand:claim:c-1 -->");
    }

    @Test
    void thePullRequestIsShownOnceThereIsOne() {
        assertThat(CommentText.body(claim("pr_submitted", "https://github.com/acme/widgets/pull/9", true)))
                .startsWith("Claimed by agent `agent-7` via IssueCommand — status: PR submitted — PR: "
                        + "https://github.com/acme/widgets/pull/9\n");
    }

    @Test
    void anEndedClaimSaysSoAndKeepsItsMarker() {
        String body = CommentText.body(claim("released", null, false));
        assertThat(body).startsWith("Was claimed by agent `agent-7` via IssueCommand — status: released\n\n"
                + "The claim has ended; the issue can be claimed again.");
        assertThat(CommentText.isCommentOf(body, "c-1")).isTrue();
    }

    @Test
    void theMarkerNamesOneClaimOnly() {
        String body = CommentText.body(claim("claimed", null, true));
        assertThat(CommentText.isCommentOf(body, "c-2")).isFalse();
        assertThat(CommentText.isCommentOf("Claimed by agent `agent-7`", "c-1")).as("text alone is no marker").isFalse();
        assertThat(CommentText.isCommentOf(null, "c-1")).isFalse();
    }

    @Test
    void aBacktickInAnAgentIdCannotEndTheCodeSpan() {
        MirroredClaim odd = new MirroredClaim("c-1", "a`b", "acme/widgets", 4, "claimed", null, true);
        assertThat(CommentText.body(odd)).startsWith("Claimed by agent `a'b` via");
    }
}
