package dev.issuecommand.mirror.entity;

/**
 * A claim as GitHub should show it (docs/behaviour.md §19): who holds it, its status and pull request, and whether it
 * is still active. The claim facade hands one over with every change; nothing else of the claim is mirrored.
 */
public record MirroredClaim(String claimId, String agentId, String repo, int issueNumber, String status, String prUrl,
        boolean active) {

    /** Whether {@code other} would show the same on GitHub. */
    public boolean sameShown(MirroredClaim other) {
        return agentId.equals(other.agentId) && status.equals(other.status)
                && java.util.Objects.equals(prUrl, other.prUrl) && active == other.active;
    }
}
