package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.ServerProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code GITHUB_TOKEN} the launcher asks {@code gh auth token}, and says on stderr, in the log's JSON shape,
 * whether gh gave one; the token itself never reaches the log. Each start ends right after, at a bad {@code HTTP_PORT}.
 */
class GhCliTokenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghp_fromTheGhCli0123456789abcdef";

    @TempDir
    Path temp;

    @Test
    void aTokenFromTheGhCliIsTakenAndNeverLogged() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, "#!/bin/sh\n[ \"$1 $2\" = \"auth token\" ] && echo " + TOKEN + "\n");
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> stderr = startWithoutToken(bin);
        assertThat(line(stderr, "github.gh.available").get("message").asText())
                .isEqualTo("GITHUB_TOKEN taken from gh auth token");
        assertThat(String.join("\n", stderr)).doesNotContain(TOKEN);
        assertThat(line(stderr, "startup.failed").get("message").asText()).contains("HTTP_PORT");
    }

    @Test
    void withoutTheGhCliTheLauncherSaysSo() throws Exception {
        List<String> stderr = startWithoutToken(Files.createDirectories(temp.resolve("empty")));
        assertThat(line(stderr, "github.gh.unavailable").get("message").asText())
                .isEqualTo("gh CLI not available or not logged in");
    }

    /** Starts the jar in one JVM with {@code path} as PATH, no GITHUB_TOKEN and a bad HTTP_PORT; its stderr lines. */
    private List<String> startWithoutToken(Path path) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin(), "-Xmx64m", "-jar",
                ServerProcess.jar().toString()));
        Path err = temp.resolve("stderr-" + path.getFileName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.equals("GITHUB_TOKEN") || name.equals("DEMO"));
        builder.environment().put("PATH", path.toString());
        builder.environment().put("API_KEY", "an-api-key-of-16-chars");
        builder.environment().put("HTTP_PORT", "not-a-port");
        Process launcher = builder.start();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(1);
        return Files.readAllLines(err, StandardCharsets.UTF_8);
    }

    /** The stderr line of {@code event}, which must be a JSON object with the log's time and level. */
    private static JsonNode line(List<String> stderr, String event) throws Exception {
        String found = stderr.stream().filter(l -> l.contains("\"event\":\"" + event + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " line in " + stderr));
        JsonNode json = JSON.readTree(found);
        assertThat(json.path("time").asText()).as("time of " + found).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("level").asText()).isIn("INFO", "FATAL");
        return json;
    }
}
