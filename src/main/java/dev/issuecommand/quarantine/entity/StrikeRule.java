package dev.issuecommand.quarantine.entity;

import java.time.Duration;

/**
 * When strikes quarantine an issue (docs/behaviour.md §17): {@code after} strikes (0: never) within {@code window},
 * counting only strikes made after the last release from quarantine.
 */
public record StrikeRule(int after, Duration window) {

    /** Whether quarantine is on at all. */
    public boolean enabled() {
        return after > 0;
    }

    /** The earliest strike time (inclusive) that still counts at {@code now}, given the last release (or null). */
    public long countsFrom(long now, Long releasedAt) {
        long windowStart = now - window.toMillis();
        return releasedAt == null ? windowStart : Math.max(windowStart, releasedAt + 1);
    }

    /** Whether {@code strikes} counted strikes quarantine the issue. */
    public boolean quarantines(long strikes) {
        return enabled() && strikes >= after;
    }
}
