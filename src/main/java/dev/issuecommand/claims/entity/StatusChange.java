package dev.issuecommand.claims.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a status history: the status reached, when (ISO-8601 UTC), and an optional note. */
@Schema(name = "StatusChange", description = "One entry of a status history")
public record StatusChange(
        @Schema(name = "status") String status,
        @Schema(name = "timestamp", format = "date-time") String timestamp,
        @Schema(name = "note") String note) {
}
