package dev.issuecommand.claims.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of finished claims, newest first, and the cursor of the next page (absent on the last). */
@Schema(name = "HistoryPage", description = "A page of finished claims, newest first")
public record HistoryPage(
        @Schema(name = "items") List<ClaimView> items,
        @Schema(name = "next_cursor", description = "Absent on the last page") String nextCursor) {
}
