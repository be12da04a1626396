package dev.issuecommand.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the server's SQLite file from the test, for what no route shows: stored events, table sizes. */
public final class DatabaseFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public DatabaseFile(Path file) {
        this.file = file;
    }

    /** Every stored event of {@code type}, oldest first, as the JSON clients would see. */
    public List<JsonNode> events(String type) {
        List<JsonNode> events = new ArrayList<>();
        query("SELECT payload FROM events WHERE type = ? ORDER BY event_id", rs -> {
            try {
                events.add(JSON.readTree(rs.getString(1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, type);
        return events;
    }

    /** The single number {@code sql} answers. */
    public long number(String sql, Object... args) {
        long[] result = new long[1];
        query(sql, rs -> result[0] = rs.getLong(1), args);
        return result[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... args) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()
                + "?busy_timeout=5000");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
