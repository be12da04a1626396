package dev.issuecommand.github;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment on an issue (docs/behaviour.md §6). */
@Schema(name = "IssueComment", description = "A comment on an issue")
public record IssueComment(
        @Schema(name = "author") String author,
        @Schema(name = "body") String body,
        @Schema(name = "created_at", format = "date-time") String createdAt,
        @Schema(name = "url") String url) {
}
