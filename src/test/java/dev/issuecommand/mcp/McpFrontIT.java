package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The light stdio front ({@code java -jar issuecommand.jar mcp}) around its server: it answers at once whatever the
 * server does, refuses a URL that is not IssueCommand or refuses its key, tells pending calls when the server dies and
 * gets a server back, ends with its client, and shares one background server with a front started beside it. The
 * server that refuses a wrong key is one shared with {@code McpLifecycleIT}, whose GitHub is unreachable.
 */
@WithSharedServer(settings = "GITHUB_API_URL=http://127.0.0.1:9")
class McpFrontIT {

    private static final String REPO = "acme/widgets";

    private static Map<String, String> env(Path dir, int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ClientRun.environment(null, dir.resolve("front.db"), port, Map.of()));
        env.put("IDLE_EXIT_MINUTES", "1");
        env.putAll(extra);
        return env;
    }

    @Test
    void aUrlThatIsNotIssueCommandStopsTheFrontWithOneLine() throws Exception {
        Path dir = ClientRun.workDir("front-not-issuecommand");
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "hello from another program".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try (FrontProcess front = FrontProcess.spawn(dir, "front", env(dir, other.getAddress().getPort(), Map.of()),
                FrontProcess.jar("mcp"))) {
            assertThat(front.exit(60)).as(front.stderr()).contains(1);
            assertThat(front.stderr()).contains("\"level\":\"FATAL\"", "not as IssueCommand",
                    String.valueOf(other.getAddress().getPort())).doesNotContain(ServerProcess.API_KEY);
            assertThat(front.stderr().lines().filter(line -> line.contains("FATAL"))).hasSize(1);
            assertThat(front.startedServers()).isEmpty();
            assertThat(front.stdoutLines()).isEmpty();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aServerThatRefusesTheKeyStopsTheFrontAndAnAgentThatDiesEndsItsFront(TestServer shared) throws Exception {
        Path dir = ClientRun.workDir("front-key");
        ServerProcess server = shared.server();
        try (FrontProcess wrongKey = FrontProcess.spawn(dir, "wrong-key",
                env(dir, server.port(), Map.of("API_KEY", "not-the-key")), FrontProcess.jar("mcp"))) {
            assertThat(wrongKey.exit(60)).as(wrongKey.stderr()).contains(1);
            assertThat(wrongKey.stderr()).contains("refuses this API_KEY").doesNotContain("not-the-key");
            assertThat(wrongKey.startedServers()).isEmpty();
        }
        // a background job of sh reads /dev/null unless given the shell's stdin explicitly (fd 3)
        String wrapper = "exec 3<&0; \"$0\" -jar \"$1\" mcp <&3 3<&- & echo $!; sleep 3";
        try (FrontProcess agent = FrontProcess.spawn(dir, "dying-agent", env(dir, server.port(), Map.of()),
                List.of("sh", "-c", wrapper, ServerProcess.javaBin(), ServerProcess.jar().toString()))) {
            JsonNode initialized = agent.initialize();
            assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("issuecommand");
            long frontPid = Long.parseLong(agent.stdoutLines().get(0).strip());
            assertThat(agent.exit(30)).as("the agent (sh) ends after 3 s").isPresent();
            Optional<ProcessHandle> front = ProcessHandle.of(frontPid);
            await("the front left behind by its dead agent ends by itself").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100)).until(() -> !front.map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void stdinClosedWhileNoServerIsReachableEndsTheFrontAtOnce() throws Exception {
        Path dir = ClientRun.workDir("front-stdin-closed");
        Map<String, String> unreachable = env(dir, ServerProcess.freePort(),
                Map.of("ISSUECOMMAND_URL", "http://192.0.2.1:9"));
        try (FrontProcess front = FrontProcess.spawn(dir, "front", unreachable, FrontProcess.jar("mcp"))) {
            JsonNode initialized = front.initialize();
            assertThat(initialized.at("/result/capabilities/tools").isObject()).isTrue();
            JsonNode tools = front.answer(front.send("tools/list", Map.of()), 10);
            assertThat(tools.at("/result/tools").size()).isEqualTo(17);
            front.call("system_health", Map.of());
            front.closeStdin();
            assertThat(front.exit(10)).as(front.stderr()).contains(0);
            assertThat(front.startedServers()).as("a remote URL is never started here").isEmpty();
        }
    }

    @Test
    void aCallPendingWhenTheServerDiesGetsAnErrorAndTheFrontGetsAServerBack() throws Exception {
        Path dir = ClientRun.workDir("front-server-dies");
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 2);
            ServerProcess server = ServerProcess.create(github, dir.resolve("front.db"), Map.of()).start();
            Map<String, String> env = env(dir, server.port(), Map.of("GITHUB_API_URL", github.url()));
            try (FrontProcess front = FrontProcess.spawn(dir, "front", env, FrontProcess.jar("mcp"))) {
                front.initialize();
                JsonNode claimed = front.answer(front.call("claim_issue",
                        Map.of("agent_id", "agent-a", "repo", REPO, "issue_number", 1)), 60);
                assertThat(claimed.at("/result/structuredContent/ok").asBoolean()).as(claimed.toString()).isTrue();

                github.slowNext(1, 20_000);
                int pending = front.call("get_issue_details", Map.of("repo", REPO, "issue_number", 2));
                // on purpose: the call is on its way to the slow GitHub when the server dies
                Thread.sleep(2000);
                server.kill();
                JsonNode failed = front.answer(pending, 30);
                assertThat(failed.at("/error/message").asText()).contains("went away");

                JsonNode after = front.answer(front.call("get_all_claims", Map.of()), 240);
                assertThat(after.at("/result/structuredContent/claims/0/issue_number").asInt())
                        .as("a new server on the same database: " + after).isEqualTo(1);
                assertThat(front.startedServers()).hasSize(1);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void twoFrontsStartingTogetherShareOneBackgroundServer() throws Exception {
        Path dir = ClientRun.workDir("front-pair");
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 2);
            Map<String, String> env = env(dir, ServerProcess.freePort(), Map.of("GITHUB_API_URL", github.url(),
                    "IDLE_EXIT_MINUTES", "0.2"));
            try (FrontProcess first = FrontProcess.spawn(dir, "first", env, FrontProcess.jar("mcp"));
                    FrontProcess second = FrontProcess.spawn(dir, "second", env, FrontProcess.jar("mcp"))) {
                first.initialize();
                second.initialize();
                JsonNode claimed = first.answer(first.call("claim_issue",
                        Map.of("agent_id", "agent-a", "repo", REPO, "issue_number", 2)), 240);
                assertThat(claimed.at("/result/structuredContent/ok").asBoolean()).as(claimed.toString()).isTrue();
                JsonNode seen = second.answer(second.call("get_all_claims", Map.of()), 240);
                assertThat(seen.at("/result/structuredContent/claims/0/agent_id").asText()).isEqualTo("agent-a");
                List<Long> started = new java.util.ArrayList<>(first.startedServers());
                started.addAll(second.startedServers());
                assertThat(started).as(first.stderr() + second.stderr()).hasSize(1);

                first.closeStdin();
                second.closeStdin();
                assertThat(first.exit(30)).contains(0);
                assertThat(second.exit(30)).contains(0);
                ProcessHandle server = ProcessHandle.of(started.get(0)).orElseThrow();
                assertThat(server.onExit().get(120, java.util.concurrent.TimeUnit.SECONDS).isAlive())
                        .as("the background server stops by itself once nobody uses it").isFalse();
            }
        }
    }
}
