package dev.issuecommand.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a server's database from the test, for what no route shows: stored events, table sizes. The SQL is what both
 * databases understand.
 */
public final class StoredRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String jdbcUrl;
    private final Properties login;

    private StoredRows(String jdbcUrl, Properties login) {
        this.jdbcUrl = jdbcUrl;
        this.login = login;
    }

    /** The rows of the SQLite file {@code file}. */
    public static StoredRows sqlite(Path file) {
        return new StoredRows("jdbc:sqlite:" + file.toAbsolutePath() + "?busy_timeout=5000", new Properties());
    }

    /** The rows of the PostgreSQL database {@code postgresql://user:password@host:port/name}. */
    public static StoredRows postgres(String databaseUrl) {
        URI url = URI.create(databaseUrl);
        String[] userAndPassword = url.getUserInfo().split(":", 2);
        Properties login = new Properties();
        login.setProperty("user", userAndPassword[0]);
        login.setProperty("password", userAndPassword[1]);
        return new StoredRows("jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath(), login);
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

    /** Runs {@code sql}, a change made from outside the server; answers how many rows it changed. */
    public int update(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login);
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
