package dev.issuecommand.demo.entity;

import java.time.Instant;
import java.util.List;

/** An issue of the demo's stand-in GitHub; {@code closedAt} is null while it is open. */
public record DemoIssue(String repo, int number, String title, String body, List<String> labels, String milestone,
        String author, Instant createdAt, Instant closedAt, List<DemoComment> comments) {

    public boolean open() {
        return closedAt == null;
    }

    public DemoIssue closed(Instant at) {
        return new DemoIssue(repo, number, title, body, labels, milestone, author, createdAt, at, comments);
    }
}
