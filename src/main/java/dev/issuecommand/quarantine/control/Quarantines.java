package dev.issuecommand.quarantine.control;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.mirror.entity.MirrorSendObserved;
import dev.issuecommand.quarantine.entity.Quarantine;
import dev.issuecommand.quarantine.entity.QuarantineView;
import dev.issuecommand.quarantine.entity.Strike;
import dev.issuecommand.quarantine.entity.StrikeRule;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quarantine facade (docs/behaviour.md §17): records strikes in the write transaction of the claim change that
 * makes them, quarantines an issue there (with its {@code issue.quarantined} event), answers what is quarantined, and
 * releases it ({@code issue.quarantine_released}) on request, on a webhook or when the sync sees the issue changed.
 */
@ApplicationScoped
public class Quarantines {

    @Inject
    Database database;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /**
     * Records the strike of claim {@code claimId} on issue {@code number} of {@code repo}, in the write transaction of
     * the move that ended the claim (a claim ends once, so it strikes once); quarantines the issue when the strikes
     * reach the rule. Strikes of one issue take turns, so processes sharing the database count them alike.
     */
    public void strike(EntityManager em, String claimId, String repo, int number, String agentId, long now) {
        StrikeRule rule = rule();
        if (!rule.enabled()) {
            return;
        }
        String key = Quarantine.key(repo, number);
        database.serializeOn(em, "quarantine:" + key);
        em.persist(new Strike(claimId, key, now));
        em.flush();
        Quarantine row = em.find(Quarantine.class, key);
        long from = rule.countsFrom(now, row == null ? null : row.releasedAt());
        forget(em, key, from);
        int counted = count(em, key, from);
        if (row != null && row.active()) {
            row.count(counted);
            return;
        }
        if (!rule.quarantines(counted)) {
            return;
        }
        if (row == null) {
            row = new Quarantine(repo, number);
            em.persist(row);
        }
        row.begin(counted, now);
        Map<String, Object> details = details(row.view());
        events.append(em, Event.of("issue.quarantined").withClaim(claimId, repo, number, agentId)
                .withDetails(details), now);
    }

    /** The quarantine of an issue, when it is quarantined. */
    public Optional<QuarantineView> find(String repo, int number) {
        return database.read(em -> find(em, repo, number));
    }

    /** The quarantine of an issue, read in the caller's transaction; empty when it is not quarantined. */
    public Optional<QuarantineView> find(EntityManager em, String repo, int number) {
        return active(em, repo, number).map(Quarantine::view);
    }

    /** Every quarantined issue, of {@code repo} or of all, by repository and number. */
    public List<QuarantineView> list(Optional<RepoName> repo) {
        return database.read(em -> quarantined(em, repo)).stream().map(Quarantine::view).toList();
    }

    /** The keys ({@link Quarantine#key}) of every quarantined issue, read on {@code em}. */
    public Set<String> keys(EntityManager em) {
        return quarantined(em, Optional.empty()).stream()
                .map(q -> Quarantine.key(q.repo(), q.issueNumber())).collect(Collectors.toSet());
    }

    /** Releases an issue on request; empty when it was not quarantined. */
    public Optional<QuarantineView> release(RepoName repo, int number, String why) {
        return database.write(em -> release(em, repo.fullName(), number, why, clock.millis()));
    }

    /** Releases an issue in the caller's write transaction; empty when it was not quarantined. */
    public Optional<QuarantineView> release(EntityManager em, String repo, int number, String why, long now) {
        Optional<Quarantine> row = active(em, repo, number);
        row.ifPresent(q -> {
            q.release(callers.principal(), why, now);
            Map<String, Object> details = details(q.view());
            details.put("release_reason", why);
            events.append(em, Event.of("issue.quarantine_released").withClaim(null, q.repo(), number, null)
                    .withDetails(details), now);
        });
        return row.map(Quarantine::view);
    }

    /**
     * What the sync saw of the open issues of {@code repo} (all of them): number → GitHub's {@code updated_at} (may be
     * null). A quarantined issue that changed since the sync first saw it quarantined, or is no longer open, is
     * released; returns how many were.
     */
    public int seenOnGitHub(RepoName repo, Map<Integer, String> updatedAt) {
        List<Quarantine> quarantined = database.read(em -> quarantined(em, Optional.of(repo)));
        if (quarantined.isEmpty()) {
            return 0;
        }
        return database.write(em -> {
            long now = clock.millis();
            int released = 0;
            for (Quarantine q : quarantined(em, Optional.of(repo))) {
                Optional<String> why = q.seenOnGitHub(updatedAt.containsKey(q.issueNumber()),
                        updatedAt.get(q.issueNumber()));
                if (why.isPresent()) {
                    release(em, q.repo(), q.issueNumber(), why.get(), now);
                    released++;
                }
            }
            return released;
        });
    }

    /** After the claim mirror wrote to a quarantined issue, the sync's next look takes a new {@code updated_at}. */
    void mirrorWrote(@Observes MirrorSendObserved send) {
        if (!send.sent() || find(send.repo(), send.issueNumber()).isEmpty()) {
            return;
        }
        database.write(em -> {
            active(em, send.repo(), send.issueNumber()).ifPresent(Quarantine::forgetSeenUpdate);
            return null;
        });
    }

    private StrikeRule rule() {
        return new StrikeRule(settings.quarantine().after(), settings.quarantine().window());
    }

    /** Deletes the issue's strikes that no longer count: older than the window or than the last release. */
    private static void forget(EntityManager em, String key, long from) {
        em.createQuery("DELETE FROM Strike s WHERE s.issueKey = :key AND s.struckAt < :from")
                .setParameter("key", key).setParameter("from", from).executeUpdate();
    }

    private static int count(EntityManager em, String key, long from) {
        Number counted = (Number) em.createQuery(
                        "SELECT COUNT(s) FROM Strike s WHERE s.issueKey = :key AND s.struckAt >= :from")
                .setParameter("key", key).setParameter("from", from).getSingleResult();
        return counted.intValue();
    }

    private static Optional<Quarantine> active(EntityManager em, String repo, int number) {
        return Optional.ofNullable(em.find(Quarantine.class, Quarantine.key(repo, number))).filter(Quarantine::active);
    }

    private static List<Quarantine> quarantined(EntityManager em, Optional<RepoName> repo) {
        return em.createQuery("SELECT q FROM Quarantine q WHERE q.releasedAt IS NULL", Quarantine.class)
                .getResultList().stream()
                .filter(q -> repo.isEmpty() || repo.get().key().equals(q.repo().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing((Quarantine q) -> q.repo().toLowerCase(Locale.ROOT))
                        .thenComparingInt(Quarantine::issueNumber))
                .toList();
    }

    private static Map<String, Object> details(QuarantineView view) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("strikes", view.strikes());
        details.put("since", view.since());
        details.put("reason", view.reason());
        return details;
    }
}
