package dev.issuecommand.config.settings;

import java.util.Map;
import java.util.function.Function;

/**
 * The rules of the demo mode (docs/behaviour.md §16), in one place: when it is on, and what it changes in the other
 * settings. It is on with the runnable jar's {@code --demo} argument (passed on to the server as the system property
 * {@value #ARGUMENT_PROPERTY}), or with {@code DEMO=true} when {@code GITHUB_TOKEN} is unset. In demo mode
 * {@code GITHUB_TOKEN} and {@code DATABASE_URL} are ignored, the database is a SQLite file of its own, and unset
 * {@code API_KEY}, {@code HTTP_HOST}, {@code CLAIM_TIMEOUT_MINUTES} and {@code STALE_AUTO_RELEASE_MINUTES} get demo
 * defaults.
 */
public final class DemoSettings {

    /** The runnable jar's argument that starts the demo. */
    public static final String ARGUMENT = "--demo";

    /** The system property by which the launcher tells the server that it was started with {@link #ARGUMENT}. */
    public static final String ARGUMENT_PROPERTY = "issuecommand.demo";

    /** The API key of a demo when {@code API_KEY} is unset: not a secret, it is printed in the README. */
    public static final String API_KEY = "demo";

    private static final Map<String, String> DEFAULTS = Map.of(
            "API_KEY", API_KEY,
            "HTTP_HOST", "127.0.0.1",
            "CLAIM_TIMEOUT_MINUTES", "2",
            "STALE_AUTO_RELEASE_MINUTES", "5");

    private DemoSettings() {
    }

    /** Marks this JVM as started with {@link #ARGUMENT}, for the server it is about to start. */
    public static void markArgument() {
        System.setProperty(ARGUMENT_PROPERTY, "true");
    }

    /** True when the demo is on: {@code --demo}, or {@code DEMO=true} without {@code GITHUB_TOKEN}. */
    public static boolean on(Function<String, String> lookup) {
        return argument(lookup) || (asked(lookup) && isBlank(lookup.apply("GITHUB_TOKEN")));
    }

    /** True when {@code DEMO=true} was refused because {@code GITHUB_TOKEN} is set (and {@code --demo} was not given). */
    public static boolean declined(Function<String, String> lookup) {
        return asked(lookup) && !on(lookup);
    }

    /** True when {@code --demo} or {@code DEMO} asks for the demo, whether or not a token keeps it off. */
    public static boolean wanted(Function<String, String> lookup) {
        return argument(lookup) || asked(lookup);
    }

    /** The SQLite file of a demo: {@code sqlitePath} with {@code -demo} before its extension. */
    public static String databaseFile(String sqlitePath) {
        int slash = Math.max(sqlitePath.lastIndexOf('/'), sqlitePath.lastIndexOf('\\'));
        int dot = sqlitePath.lastIndexOf('.');
        if (dot <= slash + 1) {
            return sqlitePath + "-demo";
        }
        return sqlitePath.substring(0, dot) + "-demo" + sqlitePath.substring(dot);
    }

    /** The settings as a demo sees them: no GitHub token, no PostgreSQL, its own file and its defaults. */
    static Function<String, String> lookup(Function<String, String> lookup) {
        return name -> switch (name) {
            case "GITHUB_TOKEN", "DATABASE_URL", "DATABASE_PASSWORD", "DATABASE_PASSWORD_FILE" -> null;
            case "SQLITE_PATH" -> databaseFile(isBlank(lookup.apply(name)) ? Settings.DEFAULT_SQLITE_PATH : lookup.apply(name));
            default -> isBlank(lookup.apply(name)) ? DEFAULTS.get(name) : lookup.apply(name);
        };
    }

    private static boolean argument(Function<String, String> lookup) {
        return isTrue(lookup.apply(ARGUMENT_PROPERTY));
    }

    private static boolean asked(Function<String, String> lookup) {
        return isTrue(lookup.apply("DEMO"));
    }

    private static boolean isTrue(String value) {
        return value != null && Settings.parseFlag(value).orElse(false);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
