package dev.issuecommand.mcp.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.StdioChannel;
import dev.issuecommand.mcp.control.ToolTable;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bridge's stdio session through in-memory streams: what is written, and what the end of input reports. */
class StdioSessionTest {

    private static final JsonMapper JACKSON = JsonMapper.shared();
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JACKSON);

    private static final Tool SLOW = new Tool("slow_echo", "Slow echo", "Echoes after a while; call it when testing.",
            InputSchema.arguments().build(), null, ToolHints.READS, args -> {
                sleep(300);
                return Map.of("ok", true, "echo", "done");
            });

    private record Run(boolean hadSession, List<JsonNode> lines, String raw) {
    }

    private static Run run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        StdioChannel channel = new StdioChannel(JSON, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, () -> { }, ended::complete);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        McpSyncServer server = McpBridge.serve(channel, JSON, List.of(ToolTable.specification(SLOW, JSON, loader)));
        try {
            boolean hadSession = ended.get(20, TimeUnit.SECONDS);
            String raw = out.toString(StandardCharsets.UTF_8);
            List<JsonNode> lines = raw.lines().map(JACKSON::readTree).toList();
            return new Run(hadSession, lines, raw);
        } finally {
            server.close();
        }
    }

    private static String line(Object message) {
        return JACKSON.writeValueAsString(message) + "\n";
    }

    @Test
    void emptyInputEndsWithoutSessionAndWritesNothing() throws Exception {
        Run run = run("");
        assertThat(run.hadSession()).isFalse();
        assertThat(run.raw()).isEmpty();
    }

    @Test
    void unreadableInputBeforeInitializeCountsAsNoSession() throws Exception {
        Run run = run("Hello, this is not JSON-RPC\n");
        assertThat(run.hadSession()).isFalse();
        assertThat(run.raw()).isEmpty();
    }

    @Test
    void callsReceivedBeforeStdinClosesAreAnsweredFirst() throws Exception {
        String input = line(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
                        "protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "test", "version", "1"))))
                + line(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"))
                + line(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"))
                + line(Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call",
                        "params", Map.of("name", "slow_echo", "arguments", Map.of())));
        Run run = run(input);
        assertThat(run.hadSession()).isTrue();
        assertThat(run.raw()).endsWith("\n");
        assertThat(run.lines()).extracting(node -> node.get("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
        JsonNode init = run.lines().stream().filter(node -> node.get("id").asInt() == 1).findFirst().orElseThrow();
        assertThat(init.at("/result/serverInfo/name").asString()).isEqualTo("issuecommand");
        JsonNode call = run.lines().stream().filter(node -> node.get("id").asInt() == 3).findFirst().orElseThrow();
        assertThat(call.at("/result/structuredContent/echo").asString()).isEqualTo("done");
        assertThat(JACKSON.readTree(call.at("/result/content/0/text").asString()))
                .isEqualTo(call.at("/result/structuredContent"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
