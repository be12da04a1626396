package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Giving a claim up: the body of {@code DELETE /api/claims/:id} (whose {@code agent_id} may come as a query parameter
 * instead) and the arguments of {@code release_issue}.
 */
@Schema(name = "ClaimRelease", description = "Giving a claim up")
public record ClaimRelease(
        @Schema(name = "agent_id", minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "The owner's agent identifier; or the agent_id query parameter") String agentId,
        @Schema(name = "reason", minLength = 1, maxLength = MAX_TEXT_LENGTH, description = "Kept in the status history")
        String reason) {

    public static ClaimRelease from(JsonBody body) {
        return new ClaimRelease(body.actingAgent("agent_id"), body.optionalText("reason").orElse(null));
    }
}
