package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar unpacks its runtime once per build and slot, reuses it on the next start, and survives kill -9. */
class UnpackedRuntimeIT {

    private static final Pattern RUNTIME_EVENT = Pattern.compile("\"event\":\"(runtime\\.\\w+)\",\"directory\":\"([^\"]+)\"");

    @TempDir
    Path temp;

    @Test
    void concurrentServersGetTheirOwnSlotAndTheNextStartReusesAKilledOnesSlot() throws Exception {
        Path root = temp.resolve("runtime");
        Map<String, String> env = Map.of("WLP_JAR_EXTRACT_ROOT", root.toString());
        ServerProcess first = ServerProcess.create(null, temp.resolve("a/issuecommand.db"), env).start();
        ServerProcess second = ServerProcess.create(null, temp.resolve("b/issuecommand.db"), env).start();
        try {
            String[] firstRuntime = runtimeEvent(first);
            String[] secondRuntime = runtimeEvent(second);
            assertThat(firstRuntime[0]).isEqualTo("runtime.unpacked");
            assertThat(secondRuntime[0]).isEqualTo("runtime.unpacked");
            assertThat(firstRuntime[1]).startsWith(root.toString()).endsWith("-0");
            assertThat(secondRuntime[1]).startsWith(root.toString()).endsWith("-1");
            assertThat(first.api().get("/api/health").json().has("health")).isTrue();
            assertThat(second.api().get("/api/health").json().has("health")).isTrue();

            first.kill();
            ServerProcess third = ServerProcess.create(null, temp.resolve("a/issuecommand.db"), env).start();
            try {
                String[] thirdRuntime = runtimeEvent(third);
                assertThat(thirdRuntime).containsExactly("runtime.reused", firstRuntime[1]);
                assertThat(third.api().get("/api/health").status()).isEqualTo(200);
                assertThat(third.stdoutText()).isEmpty();
            } finally {
                assertThat(third.stop()).isZero();
            }
        } finally {
            second.stop();
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.map(path -> path.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(4).allMatch(name -> name.matches("issuecommand-[0-9a-f]+-[01](\\.lock)?"));
        }
    }

    private static String[] runtimeEvent(ServerProcess server) throws IOException {
        Matcher matcher = RUNTIME_EVENT.matcher(server.stderrText());
        assertThat(matcher.find()).as("runtime event in stderr").isTrue();
        return new String[] {matcher.group(1), matcher.group(2)};
    }
}
