package dev.issuecommand.github;

/** A comment on an issue as its author may edit it: GitHub's id of the comment and its body. */
public record PostedComment(long id, String body) {
}
