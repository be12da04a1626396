package dev.issuecommand.launcher.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front's settings: where the server is, whether it may be started here, and what a started one gets. */
class FrontSettingsTest {

    private static FrontSettings read(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("API_KEY", "key"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return FrontSettings.from(values::get);
    }

    @Test
    void theServerIsOnThisMachinesHttpPortUnlessAUrlIsGiven() {
        assertThat(read().baseUrl()).hasToString("http://127.0.0.1:3100");
        assertThat(read("HTTP_HOST", "0.0.0.0", "HTTP_PORT", "4100").baseUrl()).hasToString("http://127.0.0.1:4100");
        assertThat(read("HTTP_HOST", "::1").baseUrl()).hasToString("http://[::1]:3100");
        assertThat(read("HTTP_PORT", "4100", "ISSUECOMMAND_URL", "https://ic.example.com/base").resolve("/mcp"))
                .hasToString("https://ic.example.com/base/mcp");
        assertThat(read("ISSUECOMMAND_URL", "https://ic.example.com").port()).isEqualTo(443);
    }

    @Test
    void onlyALoopbackServerMayBeStartedHere() {
        assertThat(read().serverIsLocal()).isTrue();
        assertThat(read("ISSUECOMMAND_URL", "http://localhost:3100").serverIsLocal()).isTrue();
        assertThat(read("ISSUECOMMAND_URL", "http://192.0.2.1:3100").serverIsLocal()).isFalse();
    }

    @Test
    void aBackgroundServerGetsSmallJvmOptionsTenIdleMinutesAndALogBesideTheDatabase() {
        FrontSettings defaults = read("SQLITE_PATH", "/var/lib/ic/ic.db");
        assertThat(defaults.serverJavaOptions()).contains("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(defaults.serverIdleExitMinutes()).isEqualTo("10");
        assertThat(defaults.serverLog()).isEqualTo(Path.of("/var/lib/ic/issuecommand-server.log"));
        FrontSettings chosen = read("SERVER_JAVA_OPTIONS", " -Xmx512m  -XX:+UseG1GC ", "IDLE_EXIT_MINUTES", "0");
        assertThat(chosen.serverJavaOptions()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(chosen.serverIdleExitMinutes()).isEqualTo("0");
    }

    @Test
    void anAgentKeyIsSentInsteadOfTheSharedKeyAndIsEnoughAlone() {
        String agentKey = "icak_0123456789ab_" + "k".repeat(43);
        assertThat(read().authorization()).isEqualTo("Bearer " + read().apiKey());
        assertThat(read("ISSUECOMMAND_AGENT_KEY", agentKey).authorization()).isEqualTo("Bearer " + agentKey);
        FrontSettings alone = FrontSettings.from(name -> name.equals("ISSUECOMMAND_AGENT_KEY") ? agentKey : null);
        assertThat(alone.authorization()).isEqualTo("Bearer " + agentKey);
        assertThat(alone.keySetting()).isEqualTo("ISSUECOMMAND_AGENT_KEY");
    }

    @Test
    void aMissingKeyOrABadUrlIsNamed() {
        assertThatThrownBy(() -> FrontSettings.from(name -> null)).hasMessageStartingWith("API_KEY is required but not set");
        assertThatThrownBy(() -> read("ISSUECOMMAND_URL", "ftp://host")).hasMessageContaining("ISSUECOMMAND_URL")
                .hasMessageContaining("ftp://host");
    }
}
