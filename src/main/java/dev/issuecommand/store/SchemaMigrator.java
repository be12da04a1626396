package dev.issuecommand.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates or migrates the schema at start, one numbered script at a time, each in its own transaction with the new
 * version. Each database has its own folder of scripts (the same versions, each in its own SQL) and its own way of
 * keeping the version ({@link VersionMark}).
 */
final class SchemaMigrator {

    private static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__followups.sql", "V3__job_rounds.sql",
            "V4__agent_keys.sql");

    /** Where a database keeps its schema version. */
    interface VersionMark {

        /** The current version; may first take a lock that keeps other processes from migrating at the same time. */
        int read(Statement statement) throws SQLException;

        /** Records {@code version} in the transaction of the script that reached it. */
        void write(Statement statement, int version) throws SQLException;
    }

    private SchemaMigrator() {
    }

    /** Applies the scripts of {@code folder} (a resource folder such as {@code db/sqlite/}) the database lacks. */
    static void migrate(Connection connection, String folder, VersionMark mark) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int version = mark.read(statement);
            if (version > SCRIPTS.size()) {
                throw new SQLException("database schema version " + version
                        + " is newer than this IssueCommand (" + SCRIPTS.size() + ")");
            }
            for (int next = version; next < SCRIPTS.size(); next++) {
                connection.setAutoCommit(false);
                for (String sql : statements(folder + SCRIPTS.get(next))) {
                    statement.executeUpdate(sql);
                }
                mark.write(statement, next + 1);
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
