package dev.issuecommand.store;

import dev.issuecommand.config.settings.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Database} of a test's own, opened as the server opens it, for persistence tests of other packages: a SQLite
 * file, or PostgreSQL when the settings name a {@code DATABASE_URL}.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Opens (creating and migrating) the SQLite {@code file}, or the database {@code extra} names, with those settings. */
    public static Database open(Path file, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("GITHUB_TOKEN", "t", "API_KEY", "k",
                "SQLITE_PATH", file.toString()));
        values.putAll(extra);
        Database database = new Database();
        database.settings = Settings.from(values::get);
        database.open();
        return database;
    }

    /** The settings {@code database} was opened with. */
    public static Settings settings(Database database) {
        return database.settings;
    }

    public static void close(Database database) {
        database.close();
    }
}
