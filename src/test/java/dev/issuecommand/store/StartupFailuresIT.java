package dev.issuecommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting or a corrupt database row stops the runnable jar with one clear line and exit code 1. */
class StartupFailuresIT {

    @TempDir
    Path dir;

    private Result run(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.javaBin(), "-jar", ServerProcess.jar().toString())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().putAll(env);
        builder.environment().put("WLP_JAR_EXTRACT_ROOT", Files.createDirectories(Path.of("target", "wlp-extract"))
                .toAbsolutePath().toString());
        builder.environment().put("HTTP_PORT", String.valueOf(ServerProcess.freePort()));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process ends by itself").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("err.txt")), Files.readString(dir.resolve("out.txt")));
    }

    private record Result(int exitCode, String stderr, String stdout) {
        List<String> fatalLines() {
            return stderr.lines().filter(line -> line.contains("\"FATAL\"")).toList();
        }
    }

    @Test
    void aBadSettingNamesTheVariableAndValue() throws Exception {
        Result result = run(Map.of("API_KEY", "k", "GITHUB_TOKEN", "t", "CLAIM_TIMEOUT_MINUTES", "soon"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.fatalLines()).singleElement().asString()
                .contains("Invalid CLAIM_TIMEOUT_MINUTES: got \\\"soon\\\"");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aMissingApiKeyIsNamedWithoutEchoingSecrets() throws Exception {
        Result result = run(Map.of("GITHUB_TOKEN", "ghp_do_not_print_me", "PATH", System.getenv("PATH")));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.fatalLines()).singleElement().asString().contains("API_KEY is required but not set");
        assertThat(result.stderr()).doesNotContain("ghp_do_not_print_me");
    }

    @Test
    void aDotEnvFileInTheWorkingDirectorySuppliesSettings() throws Exception {
        Files.writeString(dir.resolve(".env"), "API_KEY=from-dotenv\nGITHUB_TOKEN=t\nSYNC_INTERVAL_MINUTES=-2\n");
        Result result = run(Map.of());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.fatalLines()).singleElement().asString().contains("Invalid SYNC_INTERVAL_MINUTES: got \\\"-2\\\"");
    }

    @Test
    void aCorruptRowStopsStartUpNamingTheTable() throws Exception {
        Path db = dir.resolve("corrupt.db");
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssue("acme/x", 1, "one");
            try (ServerProcess server = ServerProcess.create(github, db, Map.of()).start()) {
                server.api().claim("a", "acme/x", 1);
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection.createStatement().executeUpdate("UPDATE claims SET status_history = '{broken' WHERE issue_number = 1");
        }
        Result result = run(Map.of("API_KEY", "k", "GITHUB_TOKEN", "t", "SQLITE_PATH", db.toString()));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.fatalLines()).singleElement().asString().contains("corrupt row in table claims");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            var rs = connection.createStatement().executeQuery("SELECT status_history FROM claims WHERE issue_number = 1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the row is left for the operator, not overwritten").isEqualTo("{broken");
        }
    }
}
