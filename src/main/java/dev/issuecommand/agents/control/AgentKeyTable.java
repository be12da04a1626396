package dev.issuecommand.agents.control;

import dev.issuecommand.agents.entity.AgentKey;
import dev.issuecommand.agents.entity.AgentKeyView;
import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.store.DirectDatabase;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The agent keys as the command line issues, lists and revokes them (docs/behaviour.md §14), on the database directly
 * with plain JDBC and the rules of {@link AgentKey}: the same rows and the same events, acted by {@code admin}, as
 * {@link AgentKeys} in the server, which reads the row again on every request, so a change here counts at once there.
 */
public final class AgentKeyTable {

    private static final String ACTOR = "admin";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final DirectDatabase database;
    private final LongSupplier clock;

    /** A key just issued: the key itself (shown once), its row as lists show it, and whether it replaced one. */
    public record Issued(String key, AgentKeyView view, boolean replaced) {

        @Override
        public String toString() {
            return "Issued[" + view + ", replaced=" + replaced + "]";
        }
    }

    public AgentKeyTable(DirectDatabase database, LongSupplier clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Issues a key for {@code agentId}; empty when the agent has one and {@code rotate} is false, else the new key,
     * which replaces the old one (that stops working at once).
     */
    public Optional<Issued> issue(String agentId, List<String> repos, Long expiresAt, boolean rotate)
            throws SQLException {
        long now = clock.getAsLong();
        List<String> kept = AgentKey.distinct(repos);
        return database.write(connection -> {
            Optional<String> existing = prefixOf(connection, agentId);
            if (existing.isPresent() && !rotate) {
                return Optional.empty();
            }
            if (existing.isPresent()) {
                delete(connection, agentId);
            }
            AgentKey.Secret secret = AgentKey.Secret.generate();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_keys (agent_id, key_prefix, "
                    + "key_hash, repos, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, agentId);
                insert.setString(2, secret.prefix());
                insert.setString(3, secret.hash());
                insert.setString(4, jsonArray(kept));
                insert.setLong(5, now);
                insert.setObject(6, expiresAt);
                insert.executeUpdate();
            }
            record(connection, existing.isPresent() ? AgentKey.ROTATED : AgentKey.ISSUED, agentId, secret.prefix(),
                    now);
            return Optional.of(new Issued(secret.key(),
                    AgentKey.view(agentId, secret.prefix(), kept, now, expiresAt, now), existing.isPresent()));
        });
    }

    /** Every key, by agent id: never the key, nor its hash. */
    public List<AgentKeyView> list() throws SQLException {
        long now = clock.getAsLong();
        return database.read(connection -> {
            List<AgentKeyView> views = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT agent_id, key_prefix, repos, created_at, expires_at FROM agent_keys ORDER BY agent_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long expires = rows.getLong(5);
                    Long expiresAt = rows.wasNull() ? null : expires;
                    views.add(AgentKey.view(rows.getString(1), rows.getString(2), strings(rows.getString(3)),
                            rows.getLong(4), expiresAt, now));
                }
            }
            return views;
        });
    }

    /** Revokes {@code agentId}'s key; false when it has none. */
    public boolean revoke(String agentId) throws SQLException {
        long now = clock.getAsLong();
        return database.write(connection -> {
            Optional<String> prefix = prefixOf(connection, agentId);
            if (prefix.isEmpty()) {
                return false;
            }
            delete(connection, agentId);
            record(connection, AgentKey.REVOKED, agentId, prefix.get(), now);
            return true;
        });
    }

    private static Optional<String> prefixOf(Connection connection, String agentId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT key_prefix FROM agent_keys WHERE agent_id = ?")) {
            query.setString(1, agentId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection connection, String agentId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM agent_keys WHERE agent_id = ?")) {
            delete.setString(1, agentId);
            delete.executeUpdate();
        }
    }

    /** The event as the server's event log keeps it (snake_case members, absent ones left out), with its actor. */
    private void record(Connection connection, String type, String agentId, String prefix, long now)
            throws SQLException {
        Event event = AgentKey.changed(type, agentId, prefix).withActor(ACTOR);
        String payload = JSON.createObjectBuilder()
                .add("type", event.type())
                .add("agent_id", event.agentId())
                .add("details", JSON.createObjectBuilder(event.details()))
                .add("actor", event.actor())
                .build().toString();
        database.appendEvent(connection, type, now, payload);
    }

    private static String jsonArray(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> strings(String json) {
        try (var reader = JsonFactories.reader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
