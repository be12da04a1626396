package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract through {@code java -jar issuecommand.jar mcp} while a server runs: the front relays every call to
 * that server's {@code /mcp} and starts nothing itself; the tool list it serves from its build-time catalog is the
 * one the server lists over Streamable HTTP.
 */
class McpRelayedStdioIT extends McpStdioContract {

    private ServerProcess server;
    private Path dir;

    @Override
    ClientRun.Outcome session(Path dir, Map<String, Object> params) throws Exception {
        this.dir = dir;
        server = ServerProcess.create(github, dir.resolve("mcp.db"), Map.of("ALLOWED_REPOS", REPO)).start();
        return ClientRun.run(dir, environment(dir, server.port()), "full", params, List.of("mcp"));
    }

    @Override
    void end() throws Exception {
        server.close();
    }

    @Test
    void relaysToTheRunningServerWithoutStartingAnother() {
        assertThat(run.stderr()).contains("\"event\":\"mcp.front.relaying\"")
                .doesNotContain("mcp.front.server_started").doesNotContain("liberty_message");
    }

    @Test
    void theFrontListsExactlyTheToolsTheServerLists() throws Exception {
        ClientRun.Outcome http = ClientRun.runHttp(dir, server.base() + "/mcp", "list", Map.of());
        assertThat(http.report().has("failure")).as(http.report().path("failure").asText()).isFalse();
        JsonNode fromServer = http.report().path("tools");
        assertThat(fromServer.size()).isEqualTo(17);
        assertThat(run.report().path("tools")).isEqualTo(fromServer);
        assertThat(run.report().path("instructions")).isEqualTo(http.report().path("instructions"));
        assertThat(run.report().path("server")).isEqualTo(http.report().path("server"));
    }
}
