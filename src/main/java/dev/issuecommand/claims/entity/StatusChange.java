package dev.issuecommand.claims.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a status history: the status reached, when (ISO-8601 UTC), an optional note, and who made the change
 * ({@code admin}, {@code agent:<id>} or {@code system}; absent in entries written before it was recorded).
 */
@Schema(name = "StatusChange", description = "One entry of a status history")
public record StatusChange(
        @Schema(name = "status") String status,
        @Schema(name = "timestamp", format = "date-time") String timestamp,
        @Schema(name = "note") String note,
        @Schema(name = "actor", description = "Who made the change: admin, agent:<id> or system") String actor) {
}
