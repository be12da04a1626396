package dev.issuecommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The JSON-RPC messages an MCP client sends (one line each) and the checks of the answers it gets. */
public final class McpMessages {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTOCOL_VERSION = "2025-11-25";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private McpMessages() {
    }

    static String initialize(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL_VERSION + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    }

    static String toolsList(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{}}";
    }

    /** A {@code tools/call} of {@code tool} with {@code arguments}, a JSON object. */
    public static String call(long id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    /** True for an answer with a result that is not a tool error. */
    static boolean succeeded(JsonNode answer) {
        return answer.has("result") && !answer.path("result").path("isError").asBoolean(false);
    }

    /** The structured payload of a tool's answer (or its first text content, parsed); missing when there is none. */
    public static JsonNode payload(JsonNode answer) {
        JsonNode result = answer.path("result");
        if (result.has("structuredContent")) {
            return result.get("structuredContent");
        }
        try {
            return JSON.readTree(result.path("content").path(0).path("text").asText("null"));
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
