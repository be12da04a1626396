package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * What the stdio paths promise beyond the tools: a stdout that carries nothing but JSON-RPC from the first byte, and
 * a front that ends by itself once its client closes stdin.
 */
abstract class McpStdioContract extends McpContract {

    @Test
    void stdoutCarriesOnlyJsonRpcFromTheFirstByte() {
        String stdout = run.stdoutText();
        assertThat(stdout).startsWith("{\"jsonrpc\":\"2.0\"").endsWith("\n");
        String[] lines = stdout.split("\n", -1);
        assertThat(lines[lines.length - 1]).as("nothing after the last newline").isEmpty();
        for (int i = 0; i < lines.length - 1; i++) {
            JsonNode message = readJson(lines[i]);
            assertThat(message.path("jsonrpc").asText()).as("line " + (i + 1) + ": " + lines[i]).isEqualTo("2.0");
            assertThat(message.has("result") || message.has("error") || message.has("method")).isTrue();
        }
        assertThat(lines.length - 1).as("initialize, tools/list and every call answered")
                .isGreaterThanOrEqualTo(2 + calls.size());
        assertThat(run.report().has("transport_errors")).as(run.report().path("transport_errors").toString()).isFalse();
        assertThat(run.stderr()).contains("\"event\":\"mcp.session.initialized\"");
    }

    @Test
    void frontExitsByItselfAfterTheClientClosesStdin() {
        assertThat(run.clientExit()).as(run.clientStderr()).isZero();
        assertThat(run.jarExit()).as("exited within 90 s of stdin closing; stderr:\n" + run.stderr()).isNotNull();
        assertThat(run.jarExit()).isZero();
        assertThat(run.exitAfterStdinClosedMs()).isNotNegative();
        assertThat(run.stderr()).contains("\"event\":\"mcp.session.ended\"");
    }
}
