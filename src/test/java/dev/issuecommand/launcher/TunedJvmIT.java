package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar issuecommand.jar} (no JVM options, as the README's command) runs the server in a child
 * JVM with the small-footprint options; stopping the launcher stops the server, gracefully with SIGTERM and at once
 * when the launcher is killed.
 */
class TunedJvmIT {

    @TempDir
    Path temp;

    @Test
    void aPlainStartServesFromATunedChildJvmAndSigtermStopsBothWithExitCodeZero() throws Exception {
        ServerProcess server = ServerProcess.create(null, temp.resolve("a/issuecommand.db"), Map.of())
                .withJvmOptions(List.of()).start();
        ProcessHandle serverJvm = onlyChild(server.handle());
        String command = serverJvm.info().commandLine().orElse("");
        assertThat(command).contains("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar")
                .as("the defaults for this JDK, with the native heap trim where it knows the flag")
                .contains(String.join(" ", ServerJvmOptions.DEFAULTS));
        assertThat(Files.readString(Path.of("/proc", Long.toString(serverJvm.pid()), "environ")).split("\0"))
                .as("few malloc arenas in the server JVM").contains("MALLOC_ARENA_MAX=2");
        assertThat(server.stderrText()).contains("\"event\":\"launcher.server_jvm\"");
        assertThat(server.api().get("/api/health").status()).isEqualTo(200);

        assertThat(server.stop()).isZero();
        assertThat(serverJvm.isAlive()).isFalse();
        assertThat(portIsFree(server.port())).isTrue();
        assertThat(server.stdoutText()).isEmpty();
        assertThat(server.stderrText()).doesNotContain("VM warning");
    }

    @Test
    void killingTheLauncherStopsTheServerJvmAndFreesThePort() throws Exception {
        ServerProcess server = ServerProcess.create(null, temp.resolve("b/issuecommand.db"), Map.of())
                .withJvmOptions(List.of()).start();
        ProcessHandle serverJvm = onlyChild(server.handle());

        server.kill();
        await("server JVM gone after its launcher was killed").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> !serverJvm.isAlive());
        assertThat(portIsFree(server.port())).isTrue();
        assertThat(server.stderrText()).contains("\"event\":\"launcher.gone\"");
    }

    @Test
    void aStartWithAHeapSizeRunsTheServerInItsOwnJvm() throws Exception {
        ServerProcess server = ServerProcess.create(null, temp.resolve("c/issuecommand.db"), Map.of())
                .withJvmOptions(List.of("-Xmx200m")).start();
        try {
            assertThat(server.handle().children().toList()).isEmpty();
            assertThat(server.stderrText()).doesNotContain("launcher.server_jvm");
        } finally {
            assertThat(server.stop()).isZero();
        }
    }

    private static ProcessHandle onlyChild(ProcessHandle launcher) {
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("child processes of the launcher").hasSize(1);
        return children.get(0);
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
