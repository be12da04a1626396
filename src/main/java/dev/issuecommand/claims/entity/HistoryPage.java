package dev.issuecommand.claims.entity;

import java.util.List;

/** A page of finished claims, newest first, and the cursor of the next page (absent on the last). */
public record HistoryPage(List<ClaimView> items, String nextCursor) {
}
