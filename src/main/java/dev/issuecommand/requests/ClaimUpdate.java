package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_URL_LENGTH;

import dev.issuecommand.claims.entity.ClaimStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A claim's status change: the body of {@code PATCH /api/claims/:id} and the arguments of {@code update_claim_status}.
 */
@Schema(name = "ClaimUpdate", description = "A claim's new status")
public record ClaimUpdate(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "The owner's agent identifier") String agentId,
        @Schema(name = "status", required = true, implementation = String.class, enumeration = {"claimed",
            "in_progress", "pr_submitted", "pr_merged", "closed", "released", "stale"}) ClaimStatus status,
        @Schema(name = "note", minLength = 1, maxLength = MAX_TEXT_LENGTH, description = "Kept in the status history")
        String note,
        @Schema(name = "pr_url", minLength = 1, maxLength = MAX_URL_LENGTH, format = "uri",
                description = "The pull request (http or https); required for pr_submitted unless the claim has one")
        String prUrl) {

    public static ClaimUpdate from(JsonBody body) {
        return new ClaimUpdate(body.actingAgent("agent_id"),
                body.requiredChoice("status", ClaimStatus::parse, "claim status"),
                body.optionalText("note").orElse(null), body.optionalUrl("pr_url").orElse(null));
    }
}
