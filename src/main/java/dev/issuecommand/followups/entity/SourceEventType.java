package dev.issuecommand.followups.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of review feedback queued a follow-up; declaration order is the queue's priority order (docs/behaviour.md
 * §4).
 */
public enum SourceEventType {
    REVIEW_CHANGES_REQUESTED, REVIEW_COMMENT, PR_COMMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 0 is served first. */
    public int priority() {
        return ordinal();
    }

    public static Optional<SourceEventType> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
