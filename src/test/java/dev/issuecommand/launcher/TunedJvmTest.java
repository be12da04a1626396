package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunedJvmTest {

    @Test
    void aJvmWithoutAHeapSizeOrAgentStartsATunedOne() {
        assertThat(TunedJvm.wanted(List.of(), Map.<String, String>of()::get)).isTrue();
        assertThat(TunedJvm.wanted(List.of("-Dfoo=bar", "-XX:+UseG1GC"), Map.<String, String>of()::get)).isTrue();
    }

    @Test
    void aHeapSizeFromTheCommandLineOrTheEnvironmentKeepsTheServerInThisJvm() {
        assertThat(TunedJvm.wanted(List.of("-Xmx1g"), Map.<String, String>of()::get)).isFalse();
        assertThat(TunedJvm.wanted(List.of("-XX:MaxRAMPercentage=50"), Map.<String, String>of()::get)).isFalse();
        assertThat(TunedJvm.wanted(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx512m")::get)).isFalse();
        assertThat(TunedJvm.wanted(List.of(), Map.of("JDK_JAVA_OPTIONS", " -XX:MaxHeapSize=300m ")::get)).isFalse();
    }

    @Test
    void anAgentOrBeingTheServerJvmAlreadyKeepsTheServerInThisJvm() {
        assertThat(TunedJvm.wanted(List.of("-agentlib:jdwp=transport=dt_socket"), Map.<String, String>of()::get)).isFalse();
        assertThat(TunedJvm.wanted(List.of("-javaagent:/x.jar"), Map.<String, String>of()::get)).isFalse();
        assertThat(TunedJvm.wanted(List.of(), Map.of(TunedJvm.PARENT_ENV, "42")::get)).isFalse();
    }

    @Test
    void theServerCommandPutsTheCallersOptionsAfterTheTunedOnesAndNeverTwoCollectors() {
        List<String> command = TunedJvm.command(Path.of("/jdk/bin/java"), ServerJvmOptions.DEFAULTS,
                List.of("-XX:+UseG1GC", "-Xss1m", "-Dx=1"), Path.of("/opt/issuecommand.jar"), new String[] {"--flag"});
        assertThat(command).containsExactly("/jdk/bin/java", "-Xms64m", "-Xmx256m", "-XX:ReservedCodeCacheSize=64m",
                "-XX:+UseG1GC", "-Xss1m", "-Dx=1", "-jar", "/opt/issuecommand.jar", "--flag");
    }

    @Test
    void theServerJvmGetsFewMallocArenasUnlessTheCallerChoseHowMany() {
        Map<String, String> plain = new java.util.HashMap<>(Map.of("PATH", "/bin"));
        ServerJvmOptions.tune(plain);
        assertThat(plain).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("PATH", "/bin");
        Map<String, String> chosen = new java.util.HashMap<>(Map.of("MALLOC_ARENA_MAX", "8"));
        ServerJvmOptions.tune(chosen);
        assertThat(chosen).containsEntry("MALLOC_ARENA_MAX", "8");
    }

    @Test
    void serverJavaOptionsReplaceTheDefaults() {
        assertThat(ServerJvmOptions.from(Map.<String, String>of()::get)).isEqualTo(ServerJvmOptions.DEFAULTS);
        assertThat(ServerJvmOptions.from(Map.of("SERVER_JAVA_OPTIONS", "  ")::get)).isEqualTo(ServerJvmOptions.DEFAULTS);
        assertThat(ServerJvmOptions.from(Map.of("SERVER_JAVA_OPTIONS", " -Xmx512m  -XX:+UseParallelGC")::get))
                .containsExactly("-Xmx512m", "-XX:+UseParallelGC");
    }
}
