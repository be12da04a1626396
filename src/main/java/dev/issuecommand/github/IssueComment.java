package dev.issuecommand.github;

/** A comment on an issue (docs/behaviour.md §6). */
public record IssueComment(String author, String body, String createdAt, String url) {
}
