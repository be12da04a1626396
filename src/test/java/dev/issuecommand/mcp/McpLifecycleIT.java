package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain {@code java -jar issuecommand.jar} around its stdin: with an empty stdin it serves HTTP alone; when an
 * IssueCommand server already serves its port it relays MCP to that one instead of starting a second server on the
 * database; when another program holds the port it stops with one line. The server is one shared with
 * {@code McpFrontIT}, whose GitHub is unreachable.
 */
@WithSharedServer(settings = "GITHUB_API_URL=http://127.0.0.1:9")
class McpLifecycleIT {

    @Test
    void emptyStdinLeavesMcpIdleAndHttpServing(TestServer shared) throws Exception {
        ServerProcess server = shared.server();
        waitForStderr(server, "\"event\":\"mcp.stdin.idle\"");
        // on purpose: the idle stdin must still not have ended anything two seconds later
        Thread.sleep(2000);
        Api.Answer health = server.api().get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("health").has("uptime_seconds")).isTrue();
        assertThat(server.stdoutText()).as("stdout stays silent without an MCP client").isEmpty();
        assertThat(server.stderrText()).doesNotContain("mcp.session.ended");
    }

    @Test
    void aSecondJarOnAServedPortRelaysToThatServer(TestServer shared) throws Exception {
        Path dir = ClientRun.workDir("port-served");
        ServerProcess server = shared.server();
        Map<String, String> env = ClientRun.environment(null, shared.database(), server.port(), Map.of());
        ClientRun.Outcome run = ClientRun.run(dir, env, "minimal", Map.of("repo", "acme/widgets"));

        assertThat(run.report().has("failure")).as(run.report() + run.clientStderr()).isFalse();
        assertThat(run.report().at("/calls/system_health/structured/ok").asBoolean()).isTrue();
        assertThat(run.report().at("/calls/get_issue_details/text/0").asText())
                .as("GitHub is unreachable in this test").startsWith("GitHub is unavailable, try again later");
        assertThat(run.stderr()).contains("\"event\":\"mcp.front.relaying\"")
                .doesNotContain("runtime.unpacked").doesNotContain("runtime.reused").doesNotContain("liberty_message");
        assertThat(run.stdoutText()).startsWith("{\"jsonrpc\":\"2.0\"");
        assertThat(run.jarExit()).isZero();
        assertThat(server.api().get("/api/health").status()).as("the first server keeps serving").isEqualTo(200);
    }

    @Test
    void aPortHeldByAnotherProgramStopsTheJarWithOneLine() throws Exception {
        Path dir = ClientRun.workDir("port-taken");
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        other.start();
        try {
            int port = other.getAddress().getPort();
            ClientRun.Outcome run = ClientRun.run(dir, ClientRun.environment(null, dir.resolve("taken.db"), port,
                    Map.of()), "minimal", Map.of("repo", "acme/widgets"));
            assertThat(run.jarExit()).as(run.stderr()).isEqualTo(1);
            assertThat(run.stderr()).contains("\"level\":\"FATAL\"", "HTTP_PORT " + port + " is taken",
                    "not as IssueCommand").doesNotContain("liberty_message");
        } finally {
            other.stop(0);
        }
    }

    private static void waitForStderr(ServerProcess server, String text) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(server.stderrText()).contains(text));
    }
}
