package dev.issuecommand.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the jar the way the container and the systemd unit do: as an unprivileged user, its installation
 * directory read-only, only the data directory (and a temporary directory for the unpacked runtime) writable.
 */
class ReadOnlyInstallIT {

    private static final int NOBODY = 65534;

    @Test
    void theJarRunsWithOnlyItsDataDirectoryWritable() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root to switch to an unprivileged user");
        Path base = Files.createTempDirectory(Path.of("/tmp"), "issuecommand-ro-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path install = Files.createDirectories(base.resolve("opt"));
        Path data = Files.createDirectories(base.resolve("data"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        Path jar = Files.copy(ServerProcess.jar(), install.resolve("issuecommand.jar"), StandardCopyOption.REPLACE_EXISTING);
        for (Path dir : List.of(data, tmp)) {
            Files.setAttribute(dir, "unix:uid", NOBODY);
            Files.setAttribute(dir, "unix:gid", NOBODY);
        }
        Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("r-xr-xr-x"));
        int port = ServerProcess.freePort();
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssue("acme/ro", 1, "Read-only install");
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                    "--clear-groups", ServerProcess.javaBin(), "-Xmx256m", "-jar", jar.toString())
                    .directory(data.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(base.resolve("out.txt").toFile())
                    .redirectError(base.resolve("err.txt").toFile());
            builder.environment().putAll(Map.of("API_KEY", ServerProcess.API_KEY, "GITHUB_TOKEN", "t",
                    "GITHUB_API_URL", github.url(), "HTTP_PORT", String.valueOf(port), "HTTP_HOST", "127.0.0.1",
                    "SQLITE_PATH", data.resolve("issuecommand.db").toString(), "WLP_JAR_EXTRACT_ROOT", tmp.toString(),
                    "HOME", tmp.toString(), "SYNC_INTERVAL_MINUTES", "0"));
            Process process = builder.start();
            try {
                String url = "http://127.0.0.1:" + port;
                ServerProcess.awaitHealthy(process, url, Duration.ofSeconds(120), base.resolve("err.txt"));
                Api api = new Api(url, ServerProcess.API_KEY);
                Api.Answer claim = api.claim("ro-agent", "acme/ro", 1);
                assertThat(claim.status()).as(claim.text()).isEqualTo(200);
                assertThat(claim.json().get("claim").get("agent_id").asText()).isEqualTo("ro-agent");
                assertThat(data.resolve("issuecommand.db")).exists();
                try (Stream<Path> files = Files.list(install)) {
                    assertThat(files.map(p -> p.getFileName().toString())).containsExactly("issuecommand.jar");
                }
            } finally {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as("SIGTERM ends it cleanly").isZero();
            assertThat(Files.readString(base.resolve("out.txt"))).isEmpty();
        } finally {
            Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> all = Files.walk(base)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
