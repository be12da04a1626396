package dev.issuecommand.agents.boundary;

import dev.issuecommand.agents.entity.AgentKeyView;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent keys as {@code agents list} prints them: a header and one row per key, in aligned columns; a key without
 * repositories shows {@code (all)} (every one ALLOWED_REPOS allows).
 */
final class KeyTable {

    private static final List<String> HEADER = List.of("AGENT_ID", "KEY_PREFIX", "REPOS", "CREATED_AT", "EXPIRES_AT",
            "EXPIRED");

    private KeyTable() {
    }

    static String of(List<AgentKeyView> keys) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (AgentKeyView key : keys) {
            String repos = key.repos().isEmpty() ? "(all)" : String.join(",", key.repos());
            rows.add(List.of(key.agentId(), key.keyPrefix(), repos, key.createdAt(),
                    key.expiresAt() == null ? "never" : key.expiresAt(), key.expired() ? "yes" : "no"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                text.append(cell);
                if (column < widths.length - 1) {
                    text.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }
}
