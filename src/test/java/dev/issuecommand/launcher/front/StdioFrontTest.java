package dev.issuecommand.launcher.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.mcp.boundary.ToolCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front over in-memory stdin and stdout, with no server anywhere: what it answers itself, and how. */
class StdioFrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> serve(String... lines) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        FrontSettings settings = FrontSettings.from(Map.of("API_KEY", "key",
                "ISSUECOMMAND_URL", "http://127.0.0.1:" + port)::get);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioFront front = new StdioFront(new McpRelay(settings), new ServerKeeper(new ServerProbe(settings),
                new ServerLocks(port), null), out, () -> { });
        front.serve(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON on stdout: " + line, e);
            }
        }).toList();
    }

    private static String request(int id, String method, Object params) throws Exception {
        return JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
    }

    @Test
    void answersInitializeToolsAndPingFromTheCatalogWithoutAServer() throws Exception {
        List<JsonNode> answers = serve(
                request(1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "t", "version", "1"))),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                request(2, "tools/list", Map.of()),
                request(3, "ping", Map.of()));
        assertThat(answers).hasSize(3);
        JsonNode init = answers.get(0);
        assertThat(init.path("id").asInt()).isEqualTo(1);
        assertThat(init.at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("issuecommand");
        assertThat(init.at("/result/instructions").asText()).contains("agent_id");
        JsonNode catalog = JSON.readTree(ToolCatalog.json());
        assertThat(answers.get(1).at("/result/tools")).isEqualTo(catalog.path("tools"));
        assertThat(answers.get(2).path("result").isObject()).isTrue();
    }

    @Test
    void answersAnUnknownRevisionWithTheNewestAndKeepsAnOlderOne() throws Exception {
        List<JsonNode> answers = serve(
                request(1, "initialize", Map.of("protocolVersion", "1999-01-01")),
                request(2, "initialize", Map.of("protocolVersion", "2024-11-05")));
        assertThat(answers.get(0).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(answers.get(1).at("/result/protocolVersion").asText()).isEqualTo("2024-11-05");
    }

    @Test
    void badLinesGetJsonRpcErrorsAndNothingElseReachesStdout() throws Exception {
        List<JsonNode> answers = serve("this is not JSON", "[1,2]", "");
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(answers.get(1).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0"));
    }

    @Test
    void emptyInputWritesNothing() throws Exception {
        assertThat(serve()).isEmpty();
    }
}
