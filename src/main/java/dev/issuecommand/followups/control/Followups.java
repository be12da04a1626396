package dev.issuecommand.followups.control;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.claims.entity.Move;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.followups.entity.Followup;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NewFollowup;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.Refusal;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up facade (docs/behaviour.md §7): queueing review feedback, status changes, resolving a pull request's
 * follow-ups, {@code next_work}'s pick, and the stale sweep. The rules live on the {@link Followup} entity; this class
 * loads it, asks it and records the event ({@link #settle}), each change in one write transaction with its event.
 * HTTP, MCP and the webhook all call this class.
 */
@ApplicationScoped
public class Followups {

    @Inject
    RepositoryPolicy repositories;

    @Inject
    Callers callers;

    @Inject
    Database database;

    @Inject
    RowLocks rowLocks;

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
        followup.attributeNewestChange(callers.principal());
        em.persist(followup);
        em.flush();
        events.append(em, followup.created(), now);
        return Optional.of(followup.view());
    }

    /** Marks every unfinished follow-up of a pull request {@code done} in the caller's transaction; returns their ids. */
    public List<String> resolvePullRequest(EntityManager em, String repo, int prNumber, long now) {
        List<String> resolved = new ArrayList<>();
        for (Followup followup : queries.activeForPr(em, repo, prNumber)) {
            if (settle(em, followup, now, (f, at) -> f.resolveByPush(at)).changed()) {
                resolved.add(followup.workItemId());
            }
        }
        return resolved;
    }

    /** Moves a follow-up to {@code status} for {@code agentId} (the follow-up checks the rules). */
    public FollowupResult update(String workItemId, String agentId, FollowupStatus status, String note) {
        return change(workItemId, (f, at) -> f.change(agentId, status, note, at));
    }

    /** An operator puts a follow-up back in the queue, unowned. */
    public FollowupResult requeue(String workItemId, String note) {
        return change(workItemId, (f, at) -> f.requeue(note, at));
    }

    /** An operator dismisses a follow-up, whoever holds it. */
    public FollowupResult dismiss(String workItemId, String note) {
        return change(workItemId, (f, at) -> f.dismiss(note, at));
    }

    /** Loads a follow-up in a write transaction and settles {@code ask} on it, if the caller's key reaches its repository. */
    private FollowupResult change(String workItemId, Ask ask) {
        return database.write(em -> {
            Followup followup = rowLocks.find(em, Followup.class, workItemId);
            if (followup == null) {
                return FollowupResult.notFound(workItemId);
            }
            Optional<Refusal> outside = repositories.keyRefusal(RepoName.parse(followup.repo()).orElseThrow());
            if (outside.isPresent()) {
                return FollowupResult.refused(outside.get().reason(), outside.get().message(), null);
            }
            return settle(em, followup, clock.millis(), ask).answer();
        });
    }

    /** {@code next_work}'s first step: claims the best follow-up for {@code agentId}, if there is one. */
    public Optional<FollowupView> claimNext(String agentId, String repo) {
        return database.write(em -> picker.pick(em, agentId, repo)
                .map(followup -> settle(em, followup, clock.millis(), (f, at) -> f.claimFor(agentId, at)))
                .filter(Move::changed)
                .map(move -> move.answer().workItem()));
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
            int marked = 0;
            for (Followup followup : queries.idleSince(em, now - timeout)) {
                // still idle on the row as it is now? another instance may have changed it since the list was read
                rowLocks.lockFresh(em, followup);
                if (followup.lastUpdated() < now - timeout) {
                    marked += settle(em, followup, now, (f, at) -> f.markStale(note, at)).count();
                }
            }
            return marked;
        });
    }

    /**
     * The one path of every change to an existing follow-up, for agents, {@code next_work}, the webhook and the stale
     * sweep alike: asks {@code followup} (loaded in the caller's write transaction, re-read under its row lock if it
     * was not loaded with it), records the event of a change in that transaction, and trims the history when the
     * change ended the follow-up.
     */
    Move<FollowupResult> settle(EntityManager em, Followup followup, long now, Ask ask) {
        rowLocks.lockFresh(em, followup);
        followup.actingAs(callers.principal());
        Move<FollowupResult> move = ask.of(followup, now);
        if (move.event() != null) {
            events.append(em, move.event(), now);
        }
        if (move.changed() && !followup.active()) {
            em.flush();
            queries.trimHistory(em, settings.followupMaxEntries());
        }
        return move;
    }

    /** A question put to a follow-up at {@code now}: one of its moves. */
    @FunctionalInterface
    interface Ask {
        Move<FollowupResult> of(Followup followup, long now);
    }
}
