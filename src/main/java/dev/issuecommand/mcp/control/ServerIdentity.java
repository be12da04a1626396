package dev.issuecommand.mcp.control;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the MCP server says it is in its {@code initialize} answer: name, version, capabilities (tools only) and the
 * instructions for agents. One place, used by the server and by the build-time catalog the stdio front serves.
 */
public final class ServerIdentity {

    public static final String NAME = "issuecommand";
    public static final String VERSION = "1.0.0";
    public static final String INSTRUCTIONS = "IssueCommand coordinates GitHub issue work between AI agents so that "
            + "no two agents work on the same issue. Always pass the same agent_id. Start with get_my_work to resume; "
            + "take new work with next_issue (or claim_issue for a given issue); report progress with "
            + "update_claim_status and keep long work alive with heartbeat_claim; release_issue when you give up.";

    /** Tools only, and the tool list never changes while the server runs. */
    public static final McpSchema.ServerCapabilities CAPABILITIES =
            McpSchema.ServerCapabilities.builder().tools(false).build();

    private ServerIdentity() {
    }

    public static JsonSchemaValidator schemaValidator() {
        return new DefaultJsonSchemaValidator(JsonMapper.shared());
    }
}
