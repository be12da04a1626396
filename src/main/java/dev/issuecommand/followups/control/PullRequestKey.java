package dev.issuecommand.followups.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The comparable identity of a pull request, {@code owner/repo#number} in lower case, read from its URL or parts. */
public final class PullRequestKey {

    private static final Pattern URL = Pattern.compile(
            "^https?://[^/]+(?:/api/v3)?/(?:repos/)?([^/]+)/([^/]+)/pulls?/(\\d+)(?:[/?#].*)?$");

    private PullRequestKey() {
    }

    public static String of(String repo, int number) {
        return repo.toLowerCase(Locale.ROOT) + "#" + number;
    }

    /** The key of a pull request URL (web or REST form); empty when {@code url} is not one. */
    public static Optional<String> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
