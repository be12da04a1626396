package dev.issuecommand.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    static Settings parse(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("GITHUB_TOKEN", "ghp_secret", "API_KEY", "key-secret"));
        all.putAll(values);
        return Settings.from(all::get);
    }

    @Test
    void defaultsMatchTheDocumentedTable() {
        Settings s = parse(Map.of());
        assertThat(s.httpPort()).isEqualTo(3100);
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.githubApiUrl()).isEqualTo("https://api.github.com");
        assertThat(s.sqlitePath()).isEqualTo("./issuecommand.db");
        assertThat(s.sqliteBusyTimeoutMs()).isEqualTo(5000);
        assertThat(s.sqliteJournalMode()).isEqualTo("WAL");
        assertThat(s.webhookDedupeMaxEntries()).isEqualTo(20000);
        assertThat(s.webhookEnabled()).isTrue();
        assertThat(s.webhookPath()).isEqualTo("/api/webhooks/github");
        assertThat(s.githubWebhookSecret()).isEmpty();
        assertThat(s.claimTimeout()).isEqualTo(Duration.ofMinutes(120));
        assertThat(s.staleAutoRelease()).isZero();
        assertThat(s.autoCloseGithubIssue()).isFalse();
        assertThat(s.historyMaxEntries()).isEqualTo(1000);
        assertThat(s.followupStale()).isEqualTo(Duration.ofMinutes(1440));
        assertThat(s.followupMaxEntries()).isEqualTo(2000);
        assertThat(s.syncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.allowedRepos()).isEmpty();
        assertThat(s.trustProxy()).isFalse();
        assertThat(s.rateLimitEnabled()).isTrue();
        assertThat(s.rateLimitIpPerMinute()).isEqualTo(120);
        assertThat(s.rateLimitIpBurst()).isEqualTo(40);
        assertThat(s.rateLimitAgentMutationsPerMinute()).isEqualTo(40);
        assertThat(s.rateLimitAgentMutationsBurst()).isEqualTo(20);
        assertThat(s.rateLimitSseConnectPerMinute()).isEqualTo(10);
        assertThat(s.rateLimitSseConnectBurst()).isEqualTo(10);
        assertThat(s.waitMaxPerPrincipal()).isEqualTo(20);
        assertThat(s.quarantine()).isEqualTo(new QuarantineSettings(3, Duration.ofHours(24)));
    }

    @Test
    void quarantineTakesWholeStrikesAndDecimalHours() {
        Settings s = parse(Map.of("QUARANTINE_AFTER", "0", "QUARANTINE_WINDOW_HOURS", "0.5"));
        assertThat(s.quarantine()).isEqualTo(new QuarantineSettings(0, Duration.ofMinutes(30)));
    }

    @Test
    void decimalMinutesAreAccepted() {
        assertThat(parse(Map.of("CLAIM_TIMEOUT_MINUTES", "0.05")).claimTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parse(Map.of("STALE_AUTO_RELEASE_MINUTES", "1.5")).staleAutoRelease()).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @CsvSource({"1,true", "TRUE,true", "Yes,true", "on,true", "0,false", "false,false", "NO,false", "Off,false"})
    void booleansAcceptTheUsualWords(String text, boolean expected) {
        assertThat(parse(Map.of("TRUST_PROXY", text)).trustProxy()).isEqualTo(expected);
    }

    @Test
    void allowedReposAreCaseInsensitive() {
        Settings s = parse(Map.of("ALLOWED_REPOS", " Acme/Widgets ,acme/gadgets,"));
        assertThat(s.allowedRepos()).containsExactly("acme/widgets", "acme/gadgets");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP_PORT|abc|Invalid HTTP_PORT: got \"abc\", expected a whole number from 1 to 65535",
        "HTTP_PORT|70000|Invalid HTTP_PORT",
        "CLAIM_TIMEOUT_MINUTES|-1|Invalid CLAIM_TIMEOUT_MINUTES: got \"-1\"",
        "CLAIM_TIMEOUT_MINUTES|0|Invalid CLAIM_TIMEOUT_MINUTES: got \"0\"",
        "SYNC_INTERVAL_MINUTES|soon|Invalid SYNC_INTERVAL_MINUTES: got \"soon\"",
        "STALE_AUTO_RELEASE_MINUTES|NaN|Invalid STALE_AUTO_RELEASE_MINUTES",
        "WEBHOOK_ENABLED|maybe|Invalid WEBHOOK_ENABLED: got \"maybe\"",
        "SQLITE_JOURNAL_MODE|FAST|Invalid SQLITE_JOURNAL_MODE: got \"FAST\"",
        "ALLOWED_REPOS|not a repo|Invalid ALLOWED_REPOS",
        "GITHUB_API_URL|ftp://x|Invalid GITHUB_API_URL",
        "WEBHOOK_PATH|hooks|Invalid WEBHOOK_PATH",
        "RATE_LIMIT_IP_BURST|0|Invalid RATE_LIMIT_IP_BURST",
        "WAIT_MAX_PER_PRINCIPAL|0|Invalid WAIT_MAX_PER_PRINCIPAL: got \"0\", expected a whole number from 1 to 10000",
        "QUARANTINE_AFTER|-1|Invalid QUARANTINE_AFTER: got \"-1\", expected a whole number from 0 to 1000",
        "QUARANTINE_AFTER|2.5|Invalid QUARANTINE_AFTER",
        "QUARANTINE_WINDOW_HOURS|0|Invalid QUARANTINE_WINDOW_HOURS: got \"0\", expected a number of hours greater than 0",
        "QUARANTINE_WINDOW_HOURS|day|Invalid QUARANTINE_WINDOW_HOURS"})
    void badValuesNameTheVariableAndTheValue(String name, String value, String message) {
        assertThatThrownBy(() -> parse(Map.of(name, value)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GITHUB_TOKEN", "API_KEY"})
    void requiredSecretsAreNamedWhenMissing(String name) {
        Map<String, String> values = new HashMap<>(Map.of("GITHUB_TOKEN", "t", "API_KEY", "k"));
        values.remove(name);
        assertThatThrownBy(() -> Settings.from(values::get)).hasMessage(name + " is required but not set");
    }

    @Test
    void databaseWorkNeedsNoCredentialsButChecksTheOtherSettings() {
        Map<String, String> values = Map.of("SQLITE_PATH", "/data/ic.db", "ALLOWED_REPOS", "Acme/Widgets");
        Settings s = Settings.forDatabaseWork(values::get);
        assertThat(s.githubToken()).isNull();
        assertThat(s.apiKey()).isNull();
        assertThat(s.sqlitePath()).isEqualTo("/data/ic.db");
        assertThat(s.allowedRepos()).containsExactly("acme/widgets");
        assertThatThrownBy(() -> Settings.forDatabaseWork(Map.of("SQLITE_JOURNAL_MODE", "fast")::get))
                .hasMessageStartingWith("Invalid SQLITE_JOURNAL_MODE");
    }

    @Test
    void envExampleAndReadmeNameEverySetting() throws Exception {
        java.util.Set<String> read = new java.util.TreeSet<>();
        Settings.from(name -> {
            read.add(name);
            return name.equals("GITHUB_TOKEN") || name.equals("API_KEY") ? "x" : null;
        });
        dev.issuecommand.launcher.front.FrontSettings.from(name -> {
            read.add(name);
            return name.equals("API_KEY") ? "x" : null;
        });
        read.remove(DemoSettings.ARGUMENT_PROPERTY); // set by the launcher for --demo, not by the user
        java.util.Set<String> example = new java.util.TreeSet<>(DotEnvFile.read(java.nio.file.Path.of(".env.example")).keySet());
        assertThat(example).isEqualTo(read);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(read).allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(parse(Map.of()).toString()).doesNotContain("ghp_secret").doesNotContain("key-secret");
    }
}
