package dev.issuecommand.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates or migrates the schema at start, one numbered script at a time, tracked by SQLite's {@code user_version}. */
final class SchemaMigrator {

    private static final List<String> SCRIPTS = List.of("db/V1__schema.sql", "db/V2__followups.sql");

    private SchemaMigrator() {
    }

    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int version;
            try (var rs = statement.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCRIPTS.size()) {
                throw new SQLException("database schema version " + version
                        + " is newer than this IssueCommand (" + SCRIPTS.size() + ")");
            }
            for (int next = version; next < SCRIPTS.size(); next++) {
                connection.setAutoCommit(false);
                for (String sql : statements(SCRIPTS.get(next))) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("PRAGMA user_version = " + (next + 1));
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<String> statements(String resource) throws SQLException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("missing schema script " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split("(?m)^;\\s*$"))
                    .map(s -> s.replaceAll("(?m)^--.*$", "").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new SQLException("cannot read schema script " + resource, e);
        }
    }
}
