package dev.issuecommand.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code DATABASE_URL} and its password settings, as an operator writes them. */
class PostgresTargetTest {

    @TempDir
    Path dir;

    private static Settings parse(Map<String, String> values) {
        return SettingsTest.parse(values);
    }

    @Test
    void unsetMeansSqlite() {
        assertThat(parse(Map.of()).postgres()).isNull();
    }

    @Test
    void aPostgresqlUrlGivesHostPortDatabaseUserAndPassword() {
        PostgresTarget target = parse(Map.of("DATABASE_URL",
                "postgresql://ic%40ops:p%40ss:w0rd@db.example.com:6543/issues?sslmode=require")).postgres();
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/issues?sslmode=require");
        assertThat(target.user()).isEqualTo("ic@ops");
        assertThat(target.password()).isEqualTo("p@ss:w0rd");
        assertThat(target.where()).isEqualTo("db.example.com:6543/issues");
        assertThat(target.poolSize()).isEqualTo(10);
        assertThat(target.toString()).doesNotContain("p@ss");
    }

    @Test
    void aJdbcUrlWithoutPortUsesTheDefaultAndThePasswordSetting() {
        PostgresTarget target = parse(Map.of("DATABASE_URL", "jdbc:postgresql://localhost/ic?user=ic",
                "DATABASE_PASSWORD", "from-env", "DATABASE_POOL_SIZE", "3")).postgres();
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/ic?user=ic");
        assertThat(target.password()).isEqualTo("from-env");
        assertThat(target.poolSize()).isEqualTo(3);
    }

    @Test
    void thePasswordFileWinsOverThePasswordInTheUrlAndLosesItsNewline() throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "from-file\n");
        PostgresTarget target = parse(Map.of("DATABASE_URL", "postgres://ic:in-url@127.0.0.1:5432/ic",
                "DATABASE_PASSWORD_FILE", file.toString())).postgres();
        assertThat(target.password()).isEqualTo("from-file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "mysql://u:secret@h/db", "postgresql://u:secret@h", "postgresql:///db",
            "postgresql://u:secret@h/a/b"})
    void aBadUrlIsRefusedWithoutShowingIt(String url) {
        assertThatThrownBy(() -> parse(Map.of("DATABASE_URL", url)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Invalid DATABASE_URL: got (hidden), expected postgresql://")
                .message().doesNotContain("secret");
    }

    @Test
    void anUnreadablePasswordFileNamesTheSetting() {
        assertThatThrownBy(() -> parse(Map.of("DATABASE_URL", "postgresql://ic@h/db",
                "DATABASE_PASSWORD_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("Invalid DATABASE_PASSWORD_FILE");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> parse(Map.of("DATABASE_POOL_SIZE", "0")))
                .hasMessageContaining("Invalid DATABASE_POOL_SIZE");
    }
}
