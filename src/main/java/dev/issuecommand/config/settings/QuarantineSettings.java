package dev.issuecommand.config.settings;

import java.time.Duration;

/**
 * The quarantine settings (docs/behaviour.md §17): {@code QUARANTINE_AFTER} strikes (0: off) within
 * {@code QUARANTINE_WINDOW_HOURS} quarantine an issue.
 */
public record QuarantineSettings(int after, Duration window) {
}
