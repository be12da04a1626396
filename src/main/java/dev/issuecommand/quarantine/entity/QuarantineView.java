package dev.issuecommand.quarantine.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quarantined issue as clients see it, in {@code GET /api/quarantine} and in a claim answer. */
@Schema(name = "Quarantine", description = "An issue set aside because its claims kept going stale")
public record QuarantineView(
        @Schema(name = "repo", required = true) String repo,
        @Schema(name = "issue_number", required = true) int issueNumber,
        @Schema(name = "strikes", required = true, description = "Claims of the issue that ended stale "
                + "(released while stale, also by the auto-release) within the window") int strikes,
        @Schema(name = "since", required = true, format = "date-time") String since,
        @Schema(name = "reason", required = true) String reason) {
}
