package dev.issuecommand.config.settings;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How claims are mirrored on GitHub (docs/behaviour.md §19): {@code GITHUB_CLAIM_MIRROR} says whether as a comment,
 * a label, both or not at all, and {@code GITHUB_CLAIM_LABEL} names the label. A bad value stops the start, naming
 * the variable.
 */
public record ClaimMirrorSettings(Mode mode, String label) {

    /** The label when {@code GITHUB_CLAIM_LABEL} is unset. */
    public static final String DEFAULT_LABEL = "agent-working";

    /** GitHub refuses label names longer than 50 characters; a comma would split the name in GitHub's forms. */
    private static final Pattern LABEL = Pattern.compile("[^,\\p{Cntrl}]{1,50}");

    /** What is mirrored: nothing, one comment per claim, a label on the issue while it is claimed, or both. */
    public enum Mode {
        OFF, COMMENT, LABEL, BOTH;

        /** Whether each claim keeps a comment on its issue. */
        public boolean comments() {
            return this == COMMENT || this == BOTH;
        }

        /** Whether a claimed issue carries the label. */
        public boolean labels() {
            return this == LABEL || this == BOTH;
        }

        /** The setting's value for this mode. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether anything is mirrored. */
    public boolean on() {
        return mode != Mode.OFF;
    }

    /** Reads both settings through {@code lookup} (null or blank means unset). */
    static ClaimMirrorSettings from(Function<String, String> lookup) {
        String mode = value(lookup, "GITHUB_CLAIM_MIRROR");
        Mode parsed = Mode.OFF;
        if (mode != null) {
            try {
                parsed = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("Invalid GITHUB_CLAIM_MIRROR: got \"" + mode
                        + "\", expected one of off, comment, label, both");
            }
        }
        String label = value(lookup, "GITHUB_CLAIM_LABEL");
        if (label != null && !LABEL.matcher(label).matches()) {
            throw new SettingsException("Invalid GITHUB_CLAIM_LABEL: got \"" + label
                    + "\", expected a label name of 1 to 50 characters without commas");
        }
        return new ClaimMirrorSettings(parsed, label == null ? DEFAULT_LABEL : label);
    }

    private static String value(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
