package dev.issuecommand.github;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads GitHub's {@code Link} pagination header (RFC 8288): only the {@code rel="next"} target matters to us. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))",
            Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The URL with {@code rel="next"}, if the header has one. */
    static Optional<String> next(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            if (rel.find() && isNext(rel.group(1) != null ? rel.group(1) : rel.group(2)) && !link.group(1).isBlank()) {
                return Optional.of(link.group(1).strip());
            }
        }
        return Optional.empty();
    }

    private static boolean isNext(String relations) {
        return Arrays.stream(relations.strip().split("\\s+")).anyMatch(r -> r.toLowerCase(Locale.ROOT).equals("next"));
    }
}
