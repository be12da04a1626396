package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract over Streamable HTTP: the official TypeScript client straight to a running server's {@code /mcp}. */
class McpHttpContractIT extends McpContract {

    private ServerProcess server;

    @Override
    ClientRun.Outcome session(Path dir, Map<String, Object> params) throws Exception {
        server = ServerProcess.create(github, dir.resolve("mcp.db"), Map.of("ALLOWED_REPOS", REPO)).start();
        return ClientRun.runHttp(dir, server.base() + "/mcp", "full", params);
    }

    @Override
    void end() throws Exception {
        server.close();
    }

    @Test
    void aStoppingServerEndsTheSessionsClientsLeftOpenInsteadOfWaitingForThem() throws Exception {
        assertThat(server.stop()).as("a clean stop on SIGTERM").isZero();
        assertThat(server.stderrText()).as("Liberty's quiesce did not have to give up on open MCP requests")
                .doesNotContain("quiesce operation did not complete");
    }

    @Test
    void negotiatesTheNewestRevisionInASession() {
        assertThat(run.report().path("protocol_version").asText()).isEqualTo("2025-11-25");
        assertThat(run.report().path("session_id").asText()).isNotBlank();
        assertThat(run.clientExit()).as(run.clientStderr()).isZero();
    }
}
