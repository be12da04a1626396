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
        List<String> command = TunedJvm.command(Path.of("/jdk/bin/java"),
                ServerJvmOptions.defaults(Runtime.Version.parse("17.0.8"), "Linux"),
                List.of("-XX:+UseG1GC", "-Xss1m", "-Dx=1"), Path.of("/opt/issuecommand.jar"), new String[] {"--flag"});
        List<String> expected = new java.util.ArrayList<>(List.of("/jdk/bin/java", "-Xms64m", "-Xmx256m",
                "-XX:ReservedCodeCacheSize=64m"));
        expected.addAll(StartOnlyCode.compileCommandOptions());
        expected.addAll(List.of("-XX:+UseG1GC", "-Xss1m", "-Dx=1", "-jar", "/opt/issuecommand.jar", "--flag"));
        assertThat(command).containsExactlyElementsOf(expected);
    }

    @Test
    void theServerJvmLeavesStartOnlyCodeToC1OnEveryJdk() {
        for (String version : List.of("17.0.8", "17.0.15+6-Debian-1deb12u1", "21.0.1", "25.0.3")) {
            assertThat(ServerJvmOptions.defaults(Runtime.Version.parse(version), "Linux")).as(version)
                    .endsWith(StartOnlyCode.compileCommandOptions().toArray(String[]::new));
        }
    }

    @Test
    void theServerJvmTrimsItsNativeHeapWhereTheJdkKnowsTheFlagOnLinux() {
        List<String> trim = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
        for (String version : List.of("17.0.9", "17.0.15+6-Debian-1deb12u1", "21.0.1", "22", "25.0.3")) {
            assertThat(ServerJvmOptions.defaults(Runtime.Version.parse(version), "Linux")).as(version)
                    .startsWith("-Xms64m", "-Xmx256m").containsSubsequence(trim);
        }
        for (String version : List.of("17.0.8", "17", "18.0.2", "20.0.2", "21")) {
            assertThat(ServerJvmOptions.defaults(Runtime.Version.parse(version), "Linux")).as(version)
                    .doesNotContainAnyElementsOf(trim).contains("-Xmx256m");
        }
        assertThat(ServerJvmOptions.defaults(Runtime.Version.parse("21.0.5"), "Mac OS X")).doesNotContainAnyElementsOf(trim);
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
