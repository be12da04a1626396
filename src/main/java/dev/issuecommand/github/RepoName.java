package dev.issuecommand.github;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A repository's {@code owner/name}, validated against GitHub's naming rules. */
public record RepoName(String owner, String name) {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public static Optional<RepoName> parse(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash != fullName.lastIndexOf('/')) {
            return Optional.empty();
        }
        return of(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    public static Optional<RepoName> of(String owner, String name) {
        if (owner == null || name == null || !OWNER.matcher(owner).matches() || !NAME.matcher(name).matches()
                || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new RepoName(owner, name));
    }

    public String fullName() {
        return owner + "/" + name;
    }

    /** Lower-case form used for comparisons: GitHub names are case-insensitive. */
    public String key() {
        return fullName().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
