package dev.issuecommand.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoSettingsTest {

    private static final Map<String, String> ARGUMENT = Map.of(DemoSettings.ARGUMENT_PROPERTY, "true");

    private static Settings parse(Map<String, String> values) {
        return Settings.from(new HashMap<>(values)::get);
    }

    @Test
    void theArgumentStartsADemoWithoutAnyCredential() {
        Settings s = parse(ARGUMENT);
        assertThat(s.demo()).isTrue();
        assertThat(s.githubToken()).isNull();
        assertThat(s.apiKey()).isEqualTo("demo");
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.sqlitePath()).isEqualTo("./issuecommand-demo.db");
        assertThat(s.claimTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.staleAutoRelease()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theArgumentWinsOverATokenWhichIsThenNeverUsed() {
        Map<String, String> values = new HashMap<>(ARGUMENT);
        values.put("GITHUB_TOKEN", "ghp_real");
        values.put("DATABASE_URL", "postgresql://u:p@db.example.com/issues");
        Settings s = parse(values);
        assertThat(s.demo()).isTrue();
        assertThat(s.githubToken()).isNull();
        assertThat(s.postgres()).isNull();
        assertThat(DemoSettings.declined(values::get)).isFalse();
    }

    @Test
    void demoTrueWithoutATokenStartsADemo() {
        Settings s = parse(Map.of("DEMO", "true"));
        assertThat(s.demo()).isTrue();
        assertThat(s.apiKey()).isEqualTo("demo");
    }

    @Test
    void demoTrueWithATokenIsDeclinedAndEverySettingIsAsUsual() {
        Map<String, String> values = Map.of("DEMO", "true", "GITHUB_TOKEN", "ghp_real", "API_KEY", "real-key");
        Settings s = parse(values);
        assertThat(s.demo()).isFalse();
        assertThat(s.githubToken()).isEqualTo("ghp_real");
        assertThat(s.sqlitePath()).isEqualTo("./issuecommand.db");
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(DemoSettings.declined(values::get)).isTrue();
    }

    @Test
    void withoutDemoTheCredentialsStayRequired() {
        assertThatThrownBy(() -> parse(Map.of("DEMO", "false"))).hasMessageContaining("GITHUB_TOKEN is required");
        assertThat(DemoSettings.declined(Map.of("GITHUB_TOKEN", "ghp_real")::get)).isFalse();
    }

    @Test
    void valuesSetByTheUserAreKept() {
        Map<String, String> values = new HashMap<>(ARGUMENT);
        values.putAll(Map.of("API_KEY", "my-key", "HTTP_HOST", "0.0.0.0", "CLAIM_TIMEOUT_MINUTES", "30",
                "SQLITE_PATH", "/data/ic.sqlite"));
        Settings s = parse(values);
        assertThat(s.apiKey()).isEqualTo("my-key");
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.claimTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.sqlitePath()).isEqualTo("/data/ic-demo.sqlite");
    }

    @ParameterizedTest
    @CsvSource({"./issuecommand.db, ./issuecommand-demo.db", "data/claims, data/claims-demo",
            "/var/lib/ic.v2/claims, /var/lib/ic.v2/claims-demo", ".hidden, .hidden-demo", "a.b.db, a.b-demo.db"})
    void theDemoFileIsNeverTheNormalOne(String normal, String demo) {
        assertThat(DemoSettings.databaseFile(normal)).isEqualTo(demo);
    }

    @Test
    void aBadDemoValueStopsStartUp() {
        assertThatThrownBy(() -> parse(Map.of("DEMO", "maybe"))).hasMessageContaining("Invalid DEMO");
    }
}
