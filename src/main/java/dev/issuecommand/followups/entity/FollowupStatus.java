package dev.issuecommand.followups.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A follow-up's status, with the wire names of docs/behaviour.md §7. */
public enum FollowupStatus {
    QUEUED, CLAIMED, IN_PROGRESS, DONE, DISMISSED, STALE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == DONE || this == DISMISSED;
    }

    /** True for the statuses that make the asking agent the owner of an unclaimed item. */
    public boolean takesOwnership() {
        return this == CLAIMED || this == IN_PROGRESS;
    }

    public static Optional<FollowupStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
