package dev.issuecommand.claims.entity;

import dev.issuecommand.events.entity.Event;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A claim row, and the rules of its life (docs/behaviour.md §4–§6): the transition table, the agent's status change
 * and heartbeat (owner only), and the system's moves (mark stale, auto-release, close externally, refresh metadata).
 * Each answers a refusal or applies the change and names the event to record. Active and finished claims share the
 * table: {@code active = 1} rows are unique per repo and issue (a partial unique index), finished ones are the
 * history. Lists are stored as JSON text in their column.
 */
@Entity
@Table(name = "claims")
public class Claim {

    /** The note of a claim closed because its issue was closed on GitHub. */
    public static final String CLOSED_EXTERNALLY = "Closed externally on GitHub";

    /** The status transition table of docs/behaviour.md §4: what an agent may ask for; anything else is refused. */
    static final Transitions<ClaimStatus> TRANSITIONS = new Transitions<>(ClaimStatus.class, ClaimStatus::wire)
            .from(ClaimStatus.CLAIMED, ClaimStatus.IN_PROGRESS, ClaimStatus.RELEASED, ClaimStatus.STALE)
            .from(ClaimStatus.IN_PROGRESS, ClaimStatus.PR_SUBMITTED, ClaimStatus.RELEASED, ClaimStatus.STALE)
            .from(ClaimStatus.PR_SUBMITTED, ClaimStatus.PR_MERGED, ClaimStatus.RELEASED, ClaimStatus.STALE)
            .from(ClaimStatus.PR_MERGED, ClaimStatus.CLOSED, ClaimStatus.RELEASED, ClaimStatus.STALE)
            .from(ClaimStatus.STALE, ClaimStatus.IN_PROGRESS, ClaimStatus.RELEASED)
            .from(ClaimStatus.CLOSED)
            .from(ClaimStatus.RELEASED);

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

    /** When the claim first reached {@code pr_submitted}: the history endpoint measures claim-to-PR time from it. */
    @Column(name = "pr_submitted_at")
    private Long prSubmittedAt;

    @Column(name = "status_history", nullable = false)
    private String statusHistory;

    /** Who asks for the change being made, recorded in its history entry; not stored in a column of its own. */
    @Transient
    private String actor;

    @Transient
    private final HistoryColumn history = new HistoryColumn();

    @Transient
    private final ParsedColumn<List<String>> parsedLabels = new ParsedColumn<>();

    @Transient
    private final ParsedColumn<List<String>> parsedAssignees = new ParsedColumn<>();

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

    /**
     * An agent's status change (docs/behaviour.md §4), checked in order: ownership, idempotence, the claim still
     * active, the pr_url rule, then the transition table. Agent activity: the stale clock starts again.
     */
    public Move<ClaimResult> change(String agentId, ClaimStatus next, String note, String newPrUrl, long now) {
        Optional<ClaimResult> notOwner = refusedTo(agentId);
        if (notOwner.isPresent()) {
            return Move.unchanged(notOwner.get());
        }
        if (status() == next) {
            return Move.unchanged(ClaimResult.unchanged(view()));
        }
        if (!active()) {
            return Move.unchanged(ClaimResult.refused(Reason.CLAIM_NOT_FOUND, "Claim " + claimId + " has ended ("
                    + status + ") and is in history"));
        }
        if (next == ClaimStatus.PR_SUBMITTED && newPrUrl == null && prUrl == null) {
            return Move.unchanged(ClaimResult.refused(Reason.INVALID_TRANSITION,
                    "pr_url is required to move to pr_submitted", view(), null));
        }
        if (!TRANSITIONS.allows(status(), next)) {
            return Move.unchanged(invalidTransition(next));
        }
        moveTo(next, note, newPrUrl, now, true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        if (note != null) {
            details.put("note", note);
        }
        return changed(next == ClaimStatus.RELEASED ? "claim.released" : "claim.updated", details);
    }

    /** Renews the claim for its owner without a status change: the stale clock starts again; no event. */
    public Move<ClaimResult> heartbeat(String agentId, long now) {
        if (!active()) {
            return Move.unchanged(notFound(claimId));
        }
        Optional<ClaimResult> notOwner = refusedTo(agentId);
        if (notOwner.isPresent()) {
            return Move.unchanged(notOwner.get());
        }
        lastUpdated = now;
        lastActivityAt = now;
        return Move.changed(ClaimResult.success(view()), null);
    }

    /** No agent activity for the timeout (docs/behaviour.md §5): an active claim not yet stale becomes stale. */
    public Move<ClaimResult> markStale(String note, long now) {
        return systemMove(ClaimStatus.STALE, note, "claim.stale", now);
    }

    /** Stale for the auto-release time (docs/behaviour.md §5): a stale claim is released. */
    public Move<ClaimResult> autoRelease(String note, long now) {
        if (status() != ClaimStatus.STALE) {
            return Move.unchanged(invalidTransition(ClaimStatus.RELEASED));
        }
        return systemMove(ClaimStatus.RELEASED, note, "claim.auto_released", now);
    }

    /** An operator releases the claim from the dashboard (docs/behaviour.md §15), whoever holds it. */
    public Move<ClaimResult> releaseForOperator(String reason, long now) {
        return systemMove(ClaimStatus.RELEASED, reason, "claim.released", now);
    }

    /** The issue was closed on GitHub (docs/behaviour.md §6): an active claim, whatever its status, is closed. */
    public Move<ClaimResult> closeExternally(long now) {
        if (!active()) {
            return Move.unchanged(notFound(claimId));
        }
        moveTo(ClaimStatus.CLOSED, CLOSED_EXTERNALLY, null, now, false);
        return changed("claim.updated", details("status", status, "note", CLOSED_EXTERNALLY, "source", "github_sync"));
    }

    /** Refreshes GitHub metadata (docs/behaviour.md §6); not agent activity, so the stale clock keeps running. */
    public Move<ClaimResult> refreshMetadata(String title, List<String> labels, List<String> assignees, long now) {
        String newLabels = JsonColumns.write(labels);
        String newAssignees = JsonColumns.write(assignees);
        if (title.equals(issueTitle) && newLabels.equals(issueLabels) && newAssignees.equals(issueAssignees)) {
            return Move.unchanged(ClaimResult.unchanged(view()));
        }
        issueTitle = title;
        issueLabels = newLabels;
        issueAssignees = newAssignees;
        lastUpdated = now;
        return changed("claim.updated", details("status", status, "metadata_refreshed", true, "source", "github_sync"));
    }

    /**
     * Whether {@code move}, just made on this claim while its status was {@code before}, leaves a quarantine strike
     * (docs/behaviour.md §17): the move released a claim that was stale, whoever released it (its agent, an operator,
     * the auto-release). A claim ends once, so it strikes at most once; a claim that went stale and came back to work
     * never strikes, and neither does one closed because its issue was closed on GitHub.
     */
    public boolean struck(ClaimStatus before, Move<?> move) {
        return before == ClaimStatus.STALE && move.changed() && status() == ClaimStatus.RELEASED;
    }

    /** The event of a new claim. */
    public Event created() {
        return event("claim.created", details("status", status));
    }

    /** When the claim last became stale, from its status history (its last update when the history says nothing). */
    public long staleSince() {
        List<StatusChange> changes = history.of(statusHistory);
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (ClaimStatus.STALE.wire().equals(changes.get(i).status())) {
                try {
                    return Instant.parse(changes.get(i).timestamp()).toEpochMilli();
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        return lastUpdated;
    }

    /** The answer for a claim id nobody has. */
    public static ClaimResult notFound(String claimId) {
        return ClaimResult.refused(Reason.CLAIM_NOT_FOUND, "Claim " + claimId + " not found");
    }

    private Move<ClaimResult> systemMove(ClaimStatus next, String note, String event, long now) {
        if (status() == next) {
            return Move.unchanged(ClaimResult.unchanged(view()));
        }
        if (!active()) {
            return Move.unchanged(notFound(claimId));
        }
        if (!TRANSITIONS.allows(status(), next)) {
            return Move.unchanged(invalidTransition(next));
        }
        String previous = status;
        moveTo(next, note, null, now, false);
        return changed(event, details("status", status, "previous_status", previous, "note", note));
    }

    /** Moves to {@code next}, appending to the history; terminal statuses end the claim (it becomes history). */
    private void moveTo(ClaimStatus next, String note, String newPrUrl, long now, boolean agentActivity) {
        if (newPrUrl != null) {
            prUrl = newPrUrl;
        }
        status = next.wire();
        lastUpdated = now;
        if (next == ClaimStatus.PR_SUBMITTED && prSubmittedAt == null) {
            prSubmittedAt = now;
        }
        if (agentActivity) {
            lastActivityAt = now;
        }
        statusHistory = history.append(statusHistory, status, now, note, actor);
        if (next.terminal()) {
            active = 0;
            endedAt = now;
        }
    }

    /** Only the owner may act on a claim: the refusal for anyone else. */
    private Optional<ClaimResult> refusedTo(String asking) {
        if (agentId.equals(asking)) {
            return Optional.empty();
        }
        return Optional.of(ClaimResult.refused(Reason.AGENT_MISMATCH, "Claim " + claimId + " belongs to " + agentId,
                null, agentId));
    }

    private ClaimResult invalidTransition(ClaimStatus next) {
        return ClaimResult.refused(Reason.INVALID_TRANSITION, "Cannot move claim from " + status + " to "
                + next.wire() + "; allowed: " + TRANSITIONS.describeFrom(status()), view(), null);
    }

    private Move<ClaimResult> changed(String type, Map<String, Object> details) {
        return Move.changed(ClaimResult.success(view()), event(type, details));
    }

    private Event event(String type, Map<String, Object> details) {
        return Event.of(type).withClaim(claimId, repo, issueNumber, agentId).withDetails(details);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put((String) pairs[i], pairs[i + 1]);
        }
        return details;
    }

    /** Records {@code principal} as who made the newest change of the status history: its creation (§14). */
    public void attributeNewestChange(String principal) {
        statusHistory = JsonColumns.attributeNewest(statusHistory, principal);
    }

    /** Who asks for the changes that follow ({@code admin}, {@code agent:<id>}, {@code system}), for their history. */
    public void actingAs(String principal) {
        actor = principal;
    }

    /** What of this claim GitHub shows when claims are mirrored there (docs/behaviour.md §19). */
    public MirroredClaim mirrored() {
        return new MirroredClaim(claimId, agentId, repo, issueNumber, status, prUrl, active());
    }

    /** The claim without its deadlines: as history shows it, and inside a move (the facade adds them). */
    public ClaimView view() {
        return view(ClaimView.Deadlines.NONE);
    }

    /** The claim as an answer shows it, with the deadlines {@code clock} sets for it. */
    public ClaimView view(StaleDeadlines clock) {
        return view(clock.of(this));
    }

    private ClaimView view(ClaimView.Deadlines deadlines) {
        return new ClaimView(claimId, agentId, repo, issueNumber, issueTitle,
                parsedLabels.of(issueLabels, JsonColumns::readOnlyStrings),
                parsedAssignees.of(issueAssignees, JsonColumns::readOnlyStrings),
                status, Timestamps.iso(claimedAt), Timestamps.iso(lastUpdated), Timestamps.iso(lastActivityAt),
                history.of(statusHistory), prUrl, deadlines.staleAt(), deadlines.autoReleaseAt());
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
