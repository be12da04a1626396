package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stdio lifecycle around HTTP (SPEC §1): with an empty stdin the bridge stays idle and HTTP keeps serving;
 * with {@code HTTP_PORT} taken by another process, the jar still serves MCP and says why HTTP is missing.
 */
class McpLifecycleIT {

    @Test
    void emptyStdinLeavesTheBridgeIdleAndHttpServing() throws Exception {
        Path dir = ClientRun.workDir("idle");
        try (ServerProcess server = ServerProcess.create(null, dir.resolve("idle.db"), Map.of()).start()) {
            waitForStderr(server, "\"event\":\"mcp.stdin.idle\"");
            Thread.sleep(2000);
            Api.Answer health = server.api().get("/api/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("health").has("uptime_seconds")).isTrue();
            assertThat(server.stdoutText()).as("stdout stays silent without an MCP client").isEmpty();
            assertThat(server.stderrText()).doesNotContain("mcp.session.ended").doesNotContain("http.port_in_use");
        }
    }

    @Test
    void takenHttpPortStillServesMcpAndSaysSo() throws Exception {
        Path dir = ClientRun.workDir("port-taken");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, String> env = ClientRun.environment(null, dir.resolve("mcp-only.db"), port, Map.of());
            ClientRun.Outcome run = ClientRun.run(dir, env, "minimal", Map.of("repo", "acme/widgets"));
            System.out.printf("MCP stdio with HTTP_PORT taken: first answer %d ms after spawn, exit %d ms after "
                    + "stdin closed%n", run.firstAnswerMs(), run.exitAfterStdinClosedMs());

            assertThat(run.report().has("failure")).as(run.report() + run.clientStderr()).isFalse();
            assertThat(run.report().at("/calls/system_health/is_error").asBoolean()).isFalse();
            assertThat(run.report().at("/calls/system_health/structured/ok").asBoolean()).isTrue();
            assertThat(run.report().at("/calls/get_issue_details/is_error").asBoolean())
                    .as("GitHub is unreachable in this test").isTrue();
            assertThat(run.report().at("/calls/get_issue_details/text/0").asText())
                    .startsWith("GitHub is unavailable, try again later");
            assertThat(run.stderr()).contains("\"event\":\"http.port_in_use\"", "\"port\":" + port,
                    "serves MCP over stdio only");
            assertThat(run.stdoutText()).startsWith("{\"jsonrpc\":\"2.0\"");
            assertThat(run.jarExit()).isZero();
        }
    }

    private static void waitForStderr(ServerProcess server, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!server.stderrText().contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(server.stderrText()).contains(text);
    }
}
