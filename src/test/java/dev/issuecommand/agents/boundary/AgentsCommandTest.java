package dev.issuecommand.agents.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.store.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agents command on a real temporary SQLite file, without GITHUB_TOKEN or API_KEY. */
class AgentsCommandTest {

    private static final String KEY_SHAPE = "icak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @Test
    void addPrintsTheKeyAloneOnStdoutAndKeepsOnlyItsHashInAFreshSchema() throws SQLException {
        env.put("SQLITE_PATH", dir.resolve("data/issuecommand.db").toString());
        Run add = run("add", "bot-1", "--repo", "acme/widgets");
        assertThat(add.code()).isZero();
        assertThat(add.out()).matches(KEY_SHAPE + "\\R");
        String key = add.out().strip();
        assertThat(add.err()).startsWith("Issued a key for agent bot-1: prefix " + key.substring(0, 17)
                + ", repos acme/widgets, expires never").doesNotContain(key);
        assertThat(query("PRAGMA user_version")).containsExactly(String.valueOf(SchemaMigrator.latestVersion()));
        assertThat(query("SELECT key_hash || ' ' || repos FROM agent_keys WHERE agent_id = 'bot-1'"))
                .containsExactly(ApiKey.sha256Hex(key) + " [\"acme/widgets\"]");
    }

    @Test
    void anAgentKeepsItsKeyUnlessRotatedAndListShowsNoKey() throws SQLException {
        env.put("SQLITE_PATH", dir.resolve("issuecommand.db").toString());
        String first = run("add", "bot-1").out().strip();
        Run again = run("add", "bot-1");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("agent bot-1 has a key; pass --rotate to replace it, or revoke it first");
        Run rotated = run("add", "bot-1", "--rotate", "--expires", "2999-01-01T00:00:00Z");
        String second = rotated.out().strip();
        assertThat(rotated.err()).startsWith("Replaced the key of agent bot-1:")
                .contains("expires 2999-01-01T00:00:00.000Z");
        assertThat(second).isNotEqualTo(first).matches(KEY_SHAPE);

        Run list = run("list");
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().findFirst().orElseThrow().split(" +"))
                .containsExactly("AGENT_ID", "KEY_PREFIX", "REPOS", "CREATED_AT", "EXPIRES_AT", "EXPIRED");
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow().split(" +"))
                .startsWith("bot-1", second.substring(0, 17), "(all)").endsWith("2999-01-01T00:00:00.000Z", "no");
        assertThat(list.out() + list.err()).doesNotContain(first).doesNotContain(second)
                .doesNotContain(ApiKey.sha256Hex(second));
    }

    @Test
    void revokeRemovesTheKeyAndRecordsEveryChangeAsTheAdministrator() throws SQLException {
        env.put("SQLITE_PATH", dir.resolve("issuecommand.db").toString());
        String key = run("add", "bot-1").out().strip();
        run("add", "bot-1", "--rotate");
        assertThat(run("revoke", "bot-1").code()).isZero();
        Run again = run("revoke", "bot-1");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("agent bot-1 has no key");
        assertThat(query("SELECT COUNT(*) FROM agent_keys")).containsExactly("0");
        List<String> events = query("SELECT type || ' ' || payload FROM events ORDER BY event_id");
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("agent.key_issued ").contains("\"agent_id\":\"bot-1\"")
                .contains("\"actor\":\"admin\"").contains("\"key_prefix\":\"" + key.substring(0, 17) + "\"");
        assertThat(events.get(1)).startsWith("agent.key_rotated ");
        assertThat(events.get(2)).startsWith("agent.key_revoked ");
        assertThat(String.join("\n", events)).doesNotContain(key);
        assertThat(query("SELECT n FROM write_lock")).doesNotContain("0");
    }

    @Test
    void repositoriesOutsideAllowedReposAndPastExpiriesAreRefused() throws SQLException {
        env.put("SQLITE_PATH", dir.resolve("issuecommand.db").toString());
        env.put("ALLOWED_REPOS", "acme/widgets");
        Run outside = run("add", "bot-1", "--repo", "ACME/Widgets", "--repo", "other/repo");
        assertThat(outside.code()).isEqualTo(1);
        assertThat(outside.err()).contains("Repository other/repo is not in ALLOWED_REPOS");
        Run past = run("add", "bot-1", "--expires", "2020-01-01T00:00:00Z");
        assertThat(past.code()).isEqualTo(1);
        assertThat(past.err()).contains("--expires: it is in the past");
        assertThat(outside.out() + past.out()).isEmpty();
        assertThat(query("SELECT COUNT(*) FROM agent_keys")).containsExactly("0");
    }

    @Test
    void usageErrorsExitWithTwoAndABadSettingWithOne() {
        env.put("SQLITE_PATH", dir.resolve("issuecommand.db").toString());
        Run usage = run("add");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("agents add needs an <agent_id>")
                .contains("Usage: java -jar issuecommand.jar");
        env.put("SQLITE_JOURNAL_MODE", "fast");
        Run setting = run("list");
        assertThat(setting.code()).isEqualTo(1);
        assertThat(setting.err()).contains("Invalid SQLITE_JOURNAL_MODE");
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + env.get("SQLITE_PATH"));
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private record Run(int code, String out, String err) {
    }
}
