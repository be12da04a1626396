package dev.issuecommand.mcp.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.GitHubUnavailableException;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.requests.JsonBody;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.UUID;

/**
 * Answers one tool call (docs/behaviour.md §10): the payload goes out as {@code structuredContent} and as the same JSON
 * in a text block; bad arguments, GitHub failures and unexpected errors become tool errors ({@code isError}) with a
 * sentence an agent can act on. Refusals ({@code ok:false}) are payloads, not errors. No exception text of an
 * unexpected error reaches the client; the log line carries it under a correlation id.
 */
public final class ToolCalls {

    private ToolCalls() {
    }

    /** Calls {@code tool} with {@code arguments} sent by {@code caller}. */
    public static CallToolResult answer(Tool tool, Map<String, Object> arguments, McpJsonMapper json, Caller caller) {
        try {
            Object payload = tool.handler().apply(JsonBody.ofArguments(arguments).sentBy(caller));
            String text = JsonbConfiguration.JSONB.toJson(payload);
            return CallToolResult.builder()
                    .structuredContent(json, text)
                    .addTextContent(text)
                    .isError(false)
                    .build();
        } catch (ApiException e) {
            return error(e.problem().detail());
        } catch (GitHubUnavailableException e) {
            return error("GitHub is unavailable, try again later: " + e.getMessage());
        } catch (GitHubNotFoundException e) {
            return error("Not found on GitHub: " + e.getMessage());
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            JsonLog.error("mcp.tool.failed", "tool", tool.name(), "correlation_id", id,
                    "error", e.getClass().getName(), "message", e.getMessage());
            return error("Internal error in " + tool.name() + " (correlation id " + id + ")");
        }
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
