package dev.issuecommand.mcp.entity;

import dev.issuecommand.requests.JsonBody;
import java.util.Map;
import java.util.function.Function;

/**
 * One MCP tool: its contract (name, argument schema, result schema, hints) and the call that answers it.
 * {@code handler} gets the arguments as a {@link JsonBody}, so the HTTP API's validation rules apply unchanged,
 * and returns the payload (a record or map, serialized with the API's JSON-B); {@code outputSchema} may be null.
 */
public record Tool(
        String name,
        String title,
        String description,
        Map<String, Object> inputSchema,
        Map<String, Object> outputSchema,
        ToolHints hints,
        Function<JsonBody, Object> handler) {
}
