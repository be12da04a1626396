package dev.issuecommand.followups.entity;

import dev.issuecommand.claims.entity.HistoryColumn;
import dev.issuecommand.claims.entity.JsonColumns;
import dev.issuecommand.claims.entity.Move;
import dev.issuecommand.claims.entity.Transitions;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A follow-up row, and the rules of its life (docs/behaviour.md §5, §7): the transition table, the agent's status
 * change with the ownership rules, and the system's moves (claimed for {@code next_work}, mark stale, resolved by a
 * push). Each answers a refusal or applies the change and names the event to record. Active and finished follow-ups
 * share the table: {@code active = 1} rows are the queue, finished ones ({@code done}, {@code dismissed}) the
 * history. Lists are stored as JSON text in their column.
 */
@Entity
@Table(name = "followups")
public class Followup {

    /** The note of a follow-up resolved by a push to its pull request. */
    public static final String RESOLVED_BY_PUSH = "Resolved by new commit pushed to PR branch";

    /** The status transition table of docs/behaviour.md §7; anything not listed is {@code invalid_transition}. */
    static final Transitions<FollowupStatus> TRANSITIONS = new Transitions<>(FollowupStatus.class, FollowupStatus::wire)
            .from(FollowupStatus.QUEUED, FollowupStatus.CLAIMED, FollowupStatus.IN_PROGRESS, FollowupStatus.DONE,
                    FollowupStatus.DISMISSED, FollowupStatus.STALE)
            .from(FollowupStatus.CLAIMED, FollowupStatus.IN_PROGRESS, FollowupStatus.DONE, FollowupStatus.DISMISSED,
                    FollowupStatus.STALE)
            .from(FollowupStatus.IN_PROGRESS, FollowupStatus.DONE, FollowupStatus.DISMISSED, FollowupStatus.STALE)
            .from(FollowupStatus.STALE, FollowupStatus.CLAIMED, FollowupStatus.IN_PROGRESS, FollowupStatus.DONE,
                    FollowupStatus.DISMISSED)
            .from(FollowupStatus.DONE)
            .from(FollowupStatus.DISMISSED);

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

    /** Who asks for the change being made, recorded in its history entry; not stored in a column of its own. */
    @Transient
    private String actor;

    @Transient
    private final HistoryColumn history = new HistoryColumn();

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
     * An agent's status change (docs/behaviour.md §7), checked in order: ownership (a stale item may be taken over by
     * claiming it), idempotence, the item still active, an unclaimed item taken first, then the transition table.
     * {@code claimed} and {@code in_progress} make the agent the owner.
     */
    public Move<FollowupResult> change(String agentId, FollowupStatus next, String note, long now) {
        boolean takeover = status() == FollowupStatus.STALE && next.takesOwnership();
        if (claimedByAgentId != null && !claimedByAgentId.equals(agentId) && !takeover) {
            return Move.unchanged(FollowupResult.refused(Reason.AGENT_MISMATCH, "Follow-up " + workItemId
                    + " belongs to " + claimedByAgentId, claimedByAgentId));
        }
        if (status() == next) {
            return Move.unchanged(FollowupResult.unchanged(view()));
        }
        if (!active()) {
            return Move.unchanged(ended());
        }
        if (claimedByAgentId == null && !next.takesOwnership()) {
            return Move.unchanged(FollowupResult.refused(Reason.INVALID_TRANSITION, "Follow-up " + workItemId
                    + " is unclaimed: move it to claimed or in_progress first", null));
        }
        return move(next, note, next.takesOwnership() ? agentId : null, now);
    }

    /** {@code next_work} hands the item to {@code agentId}: it becomes {@code claimed} with that owner. */
    public Move<FollowupResult> claimFor(String agentId, long now) {
        return move(FollowupStatus.CLAIMED, null, agentId, now);
    }

    /** Nobody updated it for {@code FOLLOWUP_STALE_MINUTES} (docs/behaviour.md §5): it becomes {@code stale}. */
    public Move<FollowupResult> markStale(String note, long now) {
        if (status() == FollowupStatus.STALE) {
            return Move.unchanged(FollowupResult.unchanged(view()));
        }
        return move(FollowupStatus.STALE, note, null, now);
    }

    /**
     * An operator puts the item back in the queue (docs/behaviour.md §15): {@code queued} with no owner, from any
     * active status, so that {@code next_work} hands it out again.
     */
    public Move<FollowupResult> requeue(String note, long now) {
        if (!active()) {
            return Move.unchanged(ended());
        }
        if (status() == FollowupStatus.QUEUED && claimedByAgentId == null) {
            return Move.unchanged(FollowupResult.unchanged(view()));
        }
        claimedByAgentId = null;
        claimedAt = null;
        moveTo(FollowupStatus.QUEUED, note, null, now);
        return Move.changed(FollowupResult.success(view()), event("followup.requeued", note));
    }

    /** An operator dismisses the item (docs/behaviour.md §15), whoever holds it. */
    public Move<FollowupResult> dismiss(String note, long now) {
        if (status() == FollowupStatus.DISMISSED) {
            return Move.unchanged(FollowupResult.unchanged(view()));
        }
        return move(FollowupStatus.DISMISSED, note, null, now);
    }

    /** A commit was pushed to the pull request (docs/behaviour.md §7): the item is {@code done}. */
    public Move<FollowupResult> resolveByPush(long now) {
        return move(FollowupStatus.DONE, RESOLVED_BY_PUSH, null, now);
    }

    /** The event of a new follow-up. */
    public Event created() {
        return event("followup.created", null);
    }

    /** The transition table, then the move with its event: {@code followup.claimed} when the owner changes. */
    private Move<FollowupResult> move(FollowupStatus next, String note, String owner, long now) {
        if (!active()) {
            return Move.unchanged(ended());
        }
        if (!TRANSITIONS.allows(status(), next)) {
            return Move.unchanged(FollowupResult.refused(Reason.INVALID_TRANSITION, "Cannot move follow-up from "
                    + status + " to " + next.wire() + "; allowed: " + TRANSITIONS.describeFrom(status()), null));
        }
        boolean newOwner = owner != null && !owner.equals(claimedByAgentId);
        moveTo(next, note, owner, now);
        String type = newOwner ? "followup.claimed" : switch (next) {
            case DONE -> "followup.done";
            case DISMISSED -> "followup.dismissed";
            case STALE -> "followup.stale";
            case CLAIMED -> "followup.claimed";
            default -> "followup.updated";
        };
        return Move.changed(FollowupResult.success(view()), event(type, note));
    }

    /**
     * Moves to {@code next}, appending to the history. {@code owner}, when given, becomes the owner (claiming);
     * {@code done} sets {@code done_at}, {@code dismissed} keeps the note as {@code dismiss_reason}; both end the item.
     */
    private void moveTo(FollowupStatus next, String note, String owner, long now) {
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
        statusHistory = history.append(statusHistory, status, now, note, actor);
        if (next.terminal()) {
            active = 0;
            endedAt = now;
        }
    }

    private FollowupResult ended() {
        return FollowupResult.refused(Reason.WORK_ITEM_NOT_FOUND, "Follow-up " + workItemId + " has ended ("
                + status + ") and is in history", null);
    }

    private Event event(String type, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("pr_url", prUrl);
        if (note != null) {
            details.put("note", note);
        }
        return Event.of(type).withWorkItem(workItemId, repo, prNumber, claimedByAgentId).withDetails(details);
    }

    /** Records {@code principal} as who made the newest change of the status history: its creation (§14). */
    public void attributeNewestChange(String principal) {
        statusHistory = JsonColumns.attributeNewest(statusHistory, principal);
    }

    /** Who asks for the changes that follow ({@code admin}, {@code agent:<id>}, {@code system}), for their history. */
    public void actingAs(String principal) {
        actor = principal;
    }

    public FollowupView view() {
        return new FollowupView(workItemId, repo, prNumber, prUrl, prTitle, sourceEventType, sourceEventId,
                sourceDeliveryId, requestedBy, summary, JsonColumns.strings(actionableComments),
                status, Timestamps.iso(createdAt), Timestamps.iso(lastUpdated), claimedByAgentId,
                Timestamps.isoOrNull(claimedAt), Timestamps.isoOrNull(doneAt), dismissReason,
                history.of(statusHistory));
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
