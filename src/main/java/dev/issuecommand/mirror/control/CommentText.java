package dev.issuecommand.mirror.control;

import dev.issuecommand.mirror.entity.MirroredClaim;
import java.util.Locale;

/**
 * The text of a claim's comment on its issue (docs/behaviour.md §19): who holds the claim, its status and pull
 * request, and a hidden marker naming the claim, by which the comment is found again when its id was never recorded.
 */
final class CommentText {

    private CommentText() {
    }

    /** The hidden marker of {@code claimId}'s comment: an HTML comment, which GitHub does not show. */
    static String marker(String claimId) {
        return "<!-- issuecommand:claim:" + claimId + " -->";
    }

    /** Whether {@code body} is the comment of {@code claimId}. */
    static boolean isCommentOf(String body, String claimId) {
        return body != null && body.contains(marker(claimId));
    }

    /** The comment's whole body for {@code claim} as it is now. */
    static String body(MirroredClaim claim) {
        StringBuilder text = new StringBuilder(claim.active() ? "Claimed" : "Was claimed")
                .append(" by agent `").append(claim.agentId().replace('`', '\'')).append("` via IssueCommand")
                .append(" — status: ").append(shown(claim.status()));
        if (claim.prUrl() != null && !claim.prUrl().isBlank()) {
            text.append(" — PR: ").append(claim.prUrl());
        }
        if (!claim.active()) {
            text.append("\n\nThe claim has ended; the issue can be claimed again.");
        }
        return text.append("\n\n").append(marker(claim.claimId())).toString();
    }

    /** A status as a reader would say it: {@code pr_submitted} → "PR submitted". */
    static String shown(String status) {
        String words = status.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.startsWith("pr ") ? "PR " + words.substring(3) : words;
    }
}
