package dev.issuecommand.claims.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one reconciliation with GitHub did (docs/behaviour.md §6), the details of the {@code sync.reconciled} event.
 * The stale counts are what the claim sweep at the end of the run changed; it also runs on its own schedule.
 * {@code reposFailed} names the skipped repositories.
 */
@Schema(name = "SyncReport", description = "What one reconciliation with GitHub did")
public record SyncReport(
        @Schema(name = "repos_scanned") int reposScanned,
        @Schema(name = "open_issues_seen") int openIssuesSeen,
        @Schema(name = "newly_opened_issues") int newlyOpenedIssues,
        @Schema(name = "externally_closed_claims") int externallyClosedClaims,
        @Schema(name = "metadata_updates") int metadataUpdates,
        @Schema(name = "stale_marked") int staleMarked,
        @Schema(name = "stale_auto_released") int staleAutoReleased,
        @Schema(name = "repos_failed", description = "The repositories skipped") List<String> reposFailed) {

    /** The event details, in the documented order (docs/behaviour.md §6). */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("repos_scanned", reposScanned);
        details.put("open_issues_seen", openIssuesSeen);
        details.put("newly_opened_issues", newlyOpenedIssues);
        details.put("externally_closed_claims", externallyClosedClaims);
        details.put("metadata_updates", metadataUpdates);
        details.put("stale_marked", staleMarked);
        details.put("stale_auto_released", staleAutoReleased);
        details.put("repos_failed", reposFailed);
        return details;
    }
}
