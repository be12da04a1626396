package dev.issuecommand.followups.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.followups.entity.Followup;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NewFollowup;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up facade (SPEC §7): queueing review feedback, status changes with the ownership rules, resolving a
 * pull request's follow-ups, {@code next_work}'s pick, and the stale sweep. Every change appends its event in the
 * same write transaction. HTTP, MCP and the webhook all call this class.
 */
@ApplicationScoped
public class Followups {

    static final String RESOLVED_BY_PUSH = "Resolved by new commit pushed to PR branch";

    @Inject
    Database database;

    @Inject
    EventLog events;

    @Inject
    FollowupQueries queries;

    @Inject
    FollowupPicker picker;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Queues {@code source} in the caller's transaction; empty when its source event was queued before, ever. */
    public Optional<FollowupView> queue(EntityManager em, NewFollowup source, long now) {
        String id = UUID.randomUUID().toString();
        if (!queries.markSourceSeen(em, source.sourceEventId(), id, now)) {
            return Optional.empty();
        }
        Followup followup = new Followup(id, source, now);
        em.persist(followup);
        em.flush();
        record(em, "followup.created", followup, details(followup, null), now);
        return Optional.of(followup.view());
    }

    /** Marks every unfinished follow-up of a pull request {@code done} in the caller's transaction; returns their ids. */
    public List<String> resolvePullRequest(EntityManager em, String repo, int prNumber, long now) {
        List<String> resolved = new ArrayList<>();
        for (Followup followup : queries.activeForPr(em, repo, prNumber)) {
            followup.moveTo(FollowupStatus.DONE, RESOLVED_BY_PUSH, null, now);
            record(em, "followup.done", followup, details(followup, RESOLVED_BY_PUSH), now);
            resolved.add(followup.workItemId());
        }
        if (!resolved.isEmpty()) {
            em.flush();
            queries.trimHistory(em, settings.followupMaxEntries());
        }
        return resolved;
    }

    /** Moves a follow-up to {@code status} for {@code agentId}, checking the rules of SPEC §7 in order. */
    public FollowupResult update(String workItemId, String agentId, FollowupStatus status, String note) {
        return database.write(em -> {
            Followup followup = em.find(Followup.class, workItemId);
            if (followup == null) {
                return FollowupResult.refused(FollowupResult.NOT_FOUND, "Follow-up " + workItemId + " not found", null);
            }
            String owner = followup.claimedByAgentId();
            boolean takeover = followup.status() == FollowupStatus.STALE && status.takesOwnership();
            if (owner != null && !owner.equals(agentId) && !takeover) {
                return FollowupResult.refused(FollowupResult.AGENT_MISMATCH, "Follow-up " + workItemId
                        + " belongs to " + owner, owner);
            }
            if (followup.status() == status) {
                return FollowupResult.unchanged(followup.view());
            }
            if (!followup.active()) {
                return FollowupResult.refused(FollowupResult.NOT_FOUND, "Follow-up " + workItemId + " has ended ("
                        + followup.status().wire() + ") and is in history", null);
            }
            if (owner == null && !status.takesOwnership()) {
                return FollowupResult.refused(FollowupResult.INVALID_TRANSITION, "Follow-up " + workItemId
                        + " is unclaimed: move it to claimed or in_progress first", null);
            }
            if (!FollowupTransitions.allowed(followup.status(), status)) {
                return FollowupResult.refused(FollowupResult.INVALID_TRANSITION, "Cannot move follow-up from "
                        + followup.status().wire() + " to " + status.wire() + "; allowed: "
                        + FollowupTransitions.describeFrom(followup.status()), null);
            }
            long now = clock.millis();
            apply(em, followup, status, note, status.takesOwnership() ? agentId : null, now);
            return FollowupResult.success(followup.view());
        });
    }

    /** {@code next_work}'s first step: claims the best follow-up for {@code agentId}, if there is one. */
    public Optional<FollowupView> claimNext(String agentId, String repo) {
        return database.write(em -> picker.pick(em, agentId, repo).map(followup -> {
            apply(em, followup, FollowupStatus.CLAIMED, null, agentId, clock.millis());
            return followup.view();
        }));
    }

    /** Active follow-ups matching {@code filter}, in priority order. */
    public List<FollowupView> active(FollowupQueries.Filter filter) {
        return database.read(em -> queries.active(em, filter).stream().map(Followup::view).toList());
    }

    /** One follow-up, active or in history. */
    public Optional<FollowupView> find(String workItemId) {
        return database.read(em -> Optional.ofNullable(em.find(Followup.class, workItemId)).map(Followup::view));
    }

    /** Marks follow-ups idle for {@code FOLLOWUP_STALE_MINUTES} as {@code stale}; returns how many. */
    public int markStale() {
        long timeout = settings.followupStale().toMillis();
        long cutoff = clock.millis() - timeout;
        if (database.read(em -> queries.idleSince(em, cutoff)).isEmpty()) {
            return 0;
        }
        String note = "No update in " + Minutes.format(settings.followupStale()) + " minutes";
        return database.write(em -> {
            long now = clock.millis();
            List<Followup> idle = queries.idleSince(em, now - timeout);
            for (Followup followup : idle) {
                followup.moveTo(FollowupStatus.STALE, note, null, now);
                record(em, "followup.stale", followup, details(followup, note), now);
            }
            return idle.size();
        });
    }

    private void apply(EntityManager em, Followup followup, FollowupStatus status, String note, String owner, long now) {
        boolean newOwner = owner != null && !owner.equals(followup.claimedByAgentId());
        followup.moveTo(status, note, owner, now);
        String type = newOwner ? "followup.claimed" : switch (status) {
            case DONE -> "followup.done";
            case DISMISSED -> "followup.dismissed";
            case STALE -> "followup.stale";
            case CLAIMED -> "followup.claimed";
            default -> "followup.updated";
        };
        record(em, type, followup, details(followup, note), now);
        if (status.terminal()) {
            em.flush();
            queries.trimHistory(em, settings.followupMaxEntries());
        }
    }

    private void record(EntityManager em, String type, Followup followup, Map<String, Object> details, long now) {
        events.append(em, Event.of(type).withWorkItem(followup.workItemId(), followup.repo(), followup.prNumber(),
                followup.claimedByAgentId()).withDetails(details), now);
    }

    private static Map<String, Object> details(Followup followup, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", followup.status().wire());
        details.put("pr_url", followup.prUrl());
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }
}
