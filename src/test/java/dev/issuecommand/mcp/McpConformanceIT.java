package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, on Node 22, both installed with the
 * test client) against {@code /mcp}: every scenario that applies to a server offering tools only. The suite cannot
 * send a bearer key, so it talks to a {@link BearerProxy} that adds it.
 */
@WithSharedServer
class McpConformanceIT {

    static Path dir;
    static BearerProxy proxy;

    @BeforeAll
    static void start(TestServer shared) throws Exception {
        dir = ClientRun.workDir("conformance");
        proxy = new BearerProxy(shared.server().base(), ServerProcess.API_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-initialize", "ping", "tools-list", "dns-rebinding-protection"})
    void passes(String scenario) throws Exception {
        Path client = Path.of(System.getProperty("mcp.client.dir", "target/mcp-client")).toAbsolutePath();
        Path out = dir.resolve(scenario + ".out");
        Process run = new ProcessBuilder(client.resolve("node_modules/.bin/node").toString(),
                client.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
                "server", "--url", proxy.url("/mcp"), "--scenario", scenario)
                .directory(client.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = run.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            run.destroyForcibly();
        }
        String report = Files.readString(out);
        assertThat(done).as(report).isTrue();
        assertThat(run.exitValue()).as(report).isZero();
        assertThat(report).doesNotContainIgnoringCase("FAILURE").contains("0 failed");
    }
}
