package dev.issuecommand.store;

import dev.issuecommand.config.settings.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A {@link Database} on a SQLite file of a test's own, opened as the server opens it, for persistence tests elsewhere. */
public final class SqliteTestDatabase {

    private SqliteTestDatabase() {
    }

    /** Opens (creating and migrating) {@code file} with the settings {@code extra} on top of the required ones. */
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
