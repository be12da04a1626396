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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Answers one tool call (docs/behaviour.md §10): the payload goes out as {@code structuredContent} and as the same JSON
 * in a text block; bad arguments, GitHub failures and unexpected errors become tool errors ({@code isError}) with a
 * sentence an agent can act on. Refusals ({@code ok:false}) are payloads, not errors. No exception text of an
 * unexpected error reaches the client; the log line carries it under a correlation id.
 */
public final class ToolCalls {

    private ToolCalls() {
    }

    /**
     * Calls {@code tool} with {@code arguments} sent by {@code caller}. A payload that is a {@link CompletionStage} (a
     * call waiting for work, docs/behaviour.md §18) is answered when it completes, holding no thread meanwhile.
     */
    public static CompletableFuture<CallToolResult> answer(Tool tool, Map<String, Object> arguments, McpJsonMapper json,
            Caller caller) {
        try {
            Object payload = tool.handler().apply(JsonBody.ofArguments(arguments).sentBy(caller));
            if (payload instanceof CompletionStage<?> later) {
                return later.toCompletableFuture().handle((value, failure) -> failure == null
                        ? result(tool, value, json) : failure(tool, failure instanceof CompletionException
                                && failure.getCause() != null ? failure.getCause() : failure));
            }
            return CompletableFuture.completedFuture(result(tool, payload, json));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(tool, e));
        }
    }

    private static CallToolResult result(Tool tool, Object payload, McpJsonMapper json) {
        try {
            String text = JsonbConfiguration.JSONB.toJson(payload);
            return CallToolResult.builder()
                    .structuredContent(json, text)
                    .addTextContent(text)
                    .isError(false)
                    .build();
        } catch (RuntimeException e) {
            return failure(tool, e);
        }
    }

    private static CallToolResult failure(Tool tool, Throwable failure) {
        if (failure instanceof ApiException e) {
            return error(e.problem().detail());
        }
        if (failure instanceof GitHubUnavailableException e) {
            return error("GitHub is unavailable, try again later: " + e.getMessage());
        }
        if (failure instanceof GitHubNotFoundException e) {
            return error("Not found on GitHub: " + e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        JsonLog.error("mcp.tool.failed", "tool", tool.name(), "correlation_id", id,
                "error", failure.getClass().getName(), "message", failure.getMessage());
        return error("Internal error in " + tool.name() + " (correlation id " + id + ")");
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
