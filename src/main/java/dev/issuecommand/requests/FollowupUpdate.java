package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;

import dev.issuecommand.followups.entity.FollowupStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A follow-up's status change: the body of {@code PATCH /api/followups/:id} and the arguments of
 * {@code update_followup_status}.
 */
@Schema(name = "FollowupUpdate", description = "A follow-up's new status")
public record FollowupUpdate(
        @Schema(name = "agent_id", required = true, minLength = 1, maxLength = MAX_ID_LENGTH,
                description = "The acting agent's identifier") String agentId,
        @Schema(name = "status", required = true, implementation = String.class, enumeration = {"queued", "claimed",
            "in_progress", "done", "dismissed", "stale"}) FollowupStatus status,
        @Schema(name = "note", minLength = 1, maxLength = MAX_TEXT_LENGTH,
                description = "Why, or what was done; kept as dismiss_reason when dismissing") String note) {

    public static FollowupUpdate from(JsonBody body) {
        return new FollowupUpdate(body.actingAgent("agent_id"),
                body.requiredChoice("status", FollowupStatus::parse, "follow-up status"),
                body.optionalText("note").orElse(null));
    }
}
