package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request that only says who asks: the body of {@code POST /api/claims/:id/heartbeat}, the query of
 * {@code GET /api/my-work}, and the arguments of {@code heartbeat_claim}, {@code get_my_claims} and
 * {@code get_my_work}.
 */
@Schema(name = "AgentRequest", description = "Who asks")
public record AgentRequest(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "The agent's stable identifier") String agentId) {

    public static AgentRequest from(JsonBody fields) {
        return new AgentRequest(fields.actingAgent("agent_id"));
    }
}
