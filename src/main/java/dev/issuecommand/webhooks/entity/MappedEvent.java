package dev.issuecommand.webhooks.entity;

import dev.issuecommand.followups.entity.NewFollowup;

/**
 * What a webhook delivery asks of us once mapped (docs/behaviour.md §7): queue a follow-up, resolve a PR's follow-ups,
 * release a quarantined issue, or nothing.
 */
public sealed interface MappedEvent {

    /** Review feedback to queue; {@code author} wrote it (the token's own comments do not queue). */
    record Queue(NewFollowup followup, String author) implements MappedEvent {
    }

    /** New commits on a pull request: its unfinished follow-ups are done. */
    record Resolve(String repo, int prNumber) implements MappedEvent {
    }

    /**
     * An issue changed on GitHub ({@code change}: a new comment, an edited body): released if quarantined
     * (docs/behaviour.md §17); otherwise nothing to do, for the reason {@code otherwise}. {@code author} made the
     * change (the token's own changes release nothing).
     */
    record IssueChanged(String repo, int number, String author, String change, String otherwise)
            implements MappedEvent {
    }

    /** Nothing to do, and why. */
    record Ignore(String reason) implements MappedEvent {
    }
}
