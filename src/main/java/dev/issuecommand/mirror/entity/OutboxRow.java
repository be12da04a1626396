package dev.issuecommand.mirror.entity;

/**
 * One row of the mirror's outbox: the latest state of a claim to show on GitHub ({@code claim}), which change that
 * is ({@code version}), and what is known of GitHub's side: the claim's comment, if known, and whether the label was
 * last confirmed on ({@code labelOn} true), off (false) or neither (null).
 */
public record OutboxRow(MirroredClaim claim, long version, Long commentId, Boolean labelOn, int attempts) {
}
