package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an operator acts from the dashboard (docs/behaviour.md §15): the body of its release (reason required) and of its
 * follow-up requeue and dismiss (reason optional). Kept in the status history.
 */
@Schema(name = "OperatorNote", description = "Why an operator acts")
public record OperatorNote(
        @Schema(name = "reason", minLength = 1, maxLength = MAX_TEXT_LENGTH, description = "Kept in the status history")
        String reason) {

    /** A note whose reason must be given. */
    public static OperatorNote required(JsonBody body) {
        return new OperatorNote(body.requiredText("reason"));
    }

    /** A note whose reason may be left out. */
    public static OperatorNote optional(JsonBody body) {
        return new OperatorNote(body.optionalText("reason").orElse(null));
    }
}
