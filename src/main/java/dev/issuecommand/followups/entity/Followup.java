package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.JsonColumns;
import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;

/**
 * A follow-up row. Active and finished follow-ups share the table: {@code active = 1} rows are the queue, finished
 * ones ({@code done}, {@code dismissed}) the history. Lists are stored as JSON text in their column.
 */
@Entity
@Table(name = "followups")
public class Followup {

    @Id
    @Column(name = "work_item_id")
    private String workItemId;

    @Column(name = "repo", nullable = false)
    private String repo;

    @Column(name = "repo_key", nullable = false)
    private String repoKey;

    @Column(name = "pr_number", nullable = false)
    private int prNumber;

    @Column(name = "pr_url", nullable = false)
    private String prUrl;

    @Column(name = "pr_title", nullable = false)
    private String prTitle;

    @Column(name = "source_event_type", nullable = false)
    private String sourceEventType;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "source_event_id", nullable = false)
    private String sourceEventId;

    @Column(name = "source_delivery_id")
    private String sourceDeliveryId;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "summary", nullable = false)
    private String summary;

    @Column(name = "actionable_comments", nullable = false)
    private String actionableComments;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "active", nullable = false)
    private int active;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_updated", nullable = false)
    private long lastUpdated;

    @Column(name = "claimed_by_agent_id")
    private String claimedByAgentId;

    @Column(name = "claimed_at")
    private Long claimedAt;

    @Column(name = "done_at")
    private Long doneAt;

    @Column(name = "dismiss_reason")
    private String dismissReason;

    @Column(name = "ended_at")
    private Long endedAt;

    @Column(name = "status_history", nullable = false)
    private String statusHistory;

    protected Followup() {
    }

    /** A new follow-up in status {@code queued}. */
    public Followup(String workItemId, NewFollowup source, long now) {
        this.workItemId = workItemId;
        this.repo = source.repo();
        this.repoKey = source.repo().toLowerCase(Locale.ROOT);
        this.prNumber = source.prNumber();
        this.prUrl = source.prUrl();
        this.prTitle = source.prTitle();
        this.sourceEventType = source.sourceEventType().wire();
        this.priority = source.sourceEventType().priority();
        this.sourceEventId = source.sourceEventId();
        this.sourceDeliveryId = source.sourceDeliveryId();
        this.requestedBy = source.requestedBy();
        this.summary = source.summary();
        this.actionableComments = JsonColumns.write(source.actionableComments());
        this.status = FollowupStatus.QUEUED.wire();
        this.active = 1;
        this.createdAt = now;
        this.lastUpdated = now;
        this.statusHistory = JsonColumns.startHistory(status, now);
    }

    /**
     * Moves to {@code next}, appending to the history. {@code owner}, when given, becomes the owner (claiming);
     * {@code done} sets {@code done_at}, {@code dismissed} keeps the note as {@code dismiss_reason}; both end the item.
     */
    public void moveTo(FollowupStatus next, String note, String owner, long now) {
        if (owner != null && !owner.equals(claimedByAgentId)) {
            claimedByAgentId = owner;
            claimedAt = now;
        }
        status = next.wire();
        lastUpdated = now;
        if (next == FollowupStatus.DONE) {
            doneAt = now;
        }
        if (next == FollowupStatus.DISMISSED) {
            dismissReason = note;
        }
        statusHistory = JsonColumns.appendHistory(statusHistory, status, now, note);
        if (next.terminal()) {
            active = 0;
            endedAt = now;
        }
    }

    public FollowupView view() {
        return new FollowupView(workItemId, repo, prNumber, prUrl, prTitle, sourceEventType, sourceEventId,
                sourceDeliveryId, requestedBy, summary, JsonColumns.strings(actionableComments),
                status, Timestamps.iso(createdAt), Timestamps.iso(lastUpdated), claimedByAgentId,
                Timestamps.isoOrNull(claimedAt), Timestamps.isoOrNull(doneAt), dismissReason, JsonColumns.history(statusHistory));
    }

    public String workItemId() {
        return workItemId;
    }

    public String repo() {
        return repo;
    }

    public String repoKey() {
        return repoKey;
    }

    public int prNumber() {
        return prNumber;
    }

    public String prUrl() {
        return prUrl;
    }

    public FollowupStatus status() {
        return FollowupStatus.parse(status).orElseThrow(() -> new IllegalStateException(
                "followups row " + workItemId + " has unknown status " + status));
    }

    public boolean active() {
        return active == 1;
    }

    /** The owning agent, or null while nobody has claimed the item. */
    public String claimedByAgentId() {
        return claimedByAgentId;
    }

    public long lastUpdated() {
        return lastUpdated;
    }
}
