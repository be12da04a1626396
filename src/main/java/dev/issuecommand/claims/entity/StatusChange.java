package dev.issuecommand.claims.entity;

/** One entry of a status history: the status reached, when (ISO-8601 UTC), and an optional note. */
public record StatusChange(String status, String timestamp, String note) {
}
