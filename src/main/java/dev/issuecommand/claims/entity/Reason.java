package dev.issuecommand.claims.entity;

/** Why an operation was refused (docs/behaviour.md §3); the wire name is the lower-case name. */
public enum Reason {
    ALREADY_CLAIMED, CLAIM_NOT_FOUND, INVALID_TRANSITION, AGENT_MISMATCH, INVALID_REPO, INVALID_ISSUE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
