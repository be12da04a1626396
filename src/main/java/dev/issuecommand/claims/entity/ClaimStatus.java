package dev.issuecommand.claims.entity;

import java.util.Arrays;
import java.util.Optional;

/** A claim's status, with the wire names of docs/behaviour.md §4. */
public enum ClaimStatus {
    CLAIMED, IN_PROGRESS, PR_SUBMITTED, PR_MERGED, CLOSED, RELEASED, STALE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return this == CLOSED || this == RELEASED;
    }

    public static Optional<ClaimStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
