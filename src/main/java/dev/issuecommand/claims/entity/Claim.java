package dev.issuecommand.claims.entity;

import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;

/**
 * A claim row. Active and finished claims share the table: {@code active = 1} rows are unique per repo and issue
 * (a partial unique index), finished ones are the history. Lists are stored as JSON text in their column.
 */
@Entity
@Table(name = "claims")
public class Claim {

    @Id
    @Column(name = "claim_id")
    private String claimId;

    @Column(name = "agent_id", nullable = false)
    private String agentId;

    @Column(name = "repo", nullable = false)
    private String repo;

    @Column(name = "repo_key", nullable = false)
    private String repoKey;

    @Column(name = "issue_number", nullable = false)
    private int issueNumber;

    @Column(name = "issue_title", nullable = false)
    private String issueTitle;

    @Column(name = "issue_labels", nullable = false)
    private String issueLabels;

    @Column(name = "issue_assignees", nullable = false)
    private String issueAssignees;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "active", nullable = false)
    private int active;

    @Column(name = "claimed_at", nullable = false)
    private long claimedAt;

    @Column(name = "last_updated", nullable = false)
    private long lastUpdated;

    @Column(name = "last_activity_at", nullable = false)
    private long lastActivityAt;

    @Column(name = "ended_at")
    private Long endedAt;

    @Column(name = "pr_url")
    private String prUrl;

    @Column(name = "status_history", nullable = false)
    private String statusHistory;

    protected Claim() {
    }

    /** A new active claim in status {@code claimed}. */
    public Claim(String claimId, String agentId, String repo, int issueNumber, String title, List<String> labels,
            List<String> assignees, long now) {
        this.claimId = claimId;
        this.agentId = agentId;
        this.repo = repo;
        this.repoKey = repo.toLowerCase(Locale.ROOT);
        this.issueNumber = issueNumber;
        this.issueTitle = title;
        this.issueLabels = JsonColumns.write(labels);
        this.issueAssignees = JsonColumns.write(assignees);
        this.status = ClaimStatus.CLAIMED.wire();
        this.active = 1;
        this.claimedAt = now;
        this.lastUpdated = now;
        this.lastActivityAt = now;
        this.statusHistory = JsonColumns.startHistory(status, now);
    }

    /** Moves to {@code next}, appending to the history; terminal statuses end the claim (it becomes history). */
    public void moveTo(ClaimStatus next, String note, String newPrUrl, long now, boolean agentActivity) {
        if (newPrUrl != null) {
            prUrl = newPrUrl;
        }
        status = next.wire();
        lastUpdated = now;
        if (agentActivity) {
            lastActivityAt = now;
        }
        statusHistory = JsonColumns.appendHistory(statusHistory, status, now, note);
        if (next.terminal()) {
            active = 0;
            endedAt = now;
        }
    }

    /** Renews the claim without a status change: resets the stale clock. */
    public void heartbeat(long now) {
        lastUpdated = now;
        lastActivityAt = now;
    }

    /** Refreshes GitHub metadata; not agent activity, so the stale clock keeps running. */
    public boolean refreshMetadata(String title, List<String> labels, List<String> assignees, long now) {
        String newLabels = JsonColumns.write(labels);
        String newAssignees = JsonColumns.write(assignees);
        if (title.equals(issueTitle) && newLabels.equals(issueLabels) && newAssignees.equals(issueAssignees)) {
            return false;
        }
        issueTitle = title;
        issueLabels = newLabels;
        issueAssignees = newAssignees;
        lastUpdated = now;
        return true;
    }

    public ClaimView view() {
        return new ClaimView(claimId, agentId, repo, issueNumber, issueTitle,
                JsonColumns.strings(issueLabels),
                JsonColumns.strings(issueAssignees),
                status, Timestamps.iso(claimedAt), Timestamps.iso(lastUpdated), Timestamps.iso(lastActivityAt),
                JsonColumns.history(statusHistory), prUrl);
    }

    public String claimId() {
        return claimId;
    }

    public String agentId() {
        return agentId;
    }

    public String repo() {
        return repo;
    }

    public int issueNumber() {
        return issueNumber;
    }

    public ClaimStatus status() {
        return ClaimStatus.parse(status).orElseThrow(() -> new IllegalStateException(
                "claims row " + claimId + " has unknown status " + status));
    }

    public boolean active() {
        return active == 1;
    }

    public String prUrl() {
        return prUrl;
    }

    public long lastActivityAt() {
        return lastActivityAt;
    }

    public long lastUpdated() {
        return lastUpdated;
    }

    public Long endedAt() {
        return endedAt;
    }
}
