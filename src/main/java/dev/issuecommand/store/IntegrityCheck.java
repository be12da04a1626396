package dev.issuecommand.store;

import dev.issuecommand.config.JsonbConfiguration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Reads every active claim row at start and refuses to run on one it cannot understand (docs/behaviour.md §12): better
 * to stop with a message naming the table and row than to serve, or overwrite, data it misreads.
 */
final class IntegrityCheck {

    private static final Set<String> STATUSES = Set.of("claimed", "in_progress", "pr_submitted", "pr_merged",
            "closed", "released", "stale");

    private IntegrityCheck() {
    }

    /** Throws {@link SQLException} naming the table and the row when a row is corrupt. */
    static void verify(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT claim_id, status, issue_labels, issue_assignees, "
                        + "status_history, claimed_at FROM claims WHERE active = 1")) {
            while (rows.next()) {
                String id = rows.getString(1);
                try {
                    if (!STATUSES.contains(rows.getString(2))) {
                        throw new IllegalArgumentException("unknown status " + rows.getString(2));
                    }
                    for (int column = 3; column <= 5; column++) {
                        JsonbConfiguration.JSONB.fromJson(rows.getString(column), List.class);
                    }
                    Long.parseLong(rows.getString(6));
                } catch (RuntimeException e) {
                    throw new SQLException("corrupt row in table claims (claim_id " + id + "): " + e.getMessage());
                }
            }
        }
    }
}
