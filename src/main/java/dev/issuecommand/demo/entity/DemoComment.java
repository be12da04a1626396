package dev.issuecommand.demo.entity;

import java.time.Instant;

/** A comment on an issue of the demo's stand-in GitHub. */
public record DemoComment(long id, String author, String body, Instant createdAt) {
}
