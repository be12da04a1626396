package dev.issuecommand.mirror.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.mirror.entity.OutboxRow;
import dev.issuecommand.store.RuntimeCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The mirror's durable outbox (docs/behaviour.md §19), table {@code claim_mirror}: one row per claim with the latest
 * state to show on GitHub. {@link #record} runs in the claim change's own write transaction, so a change and its row
 * commit together; the other methods are the sending side's, each in the caller's transaction. A row is sent only
 * under its lease, which a conditional update takes: two processes on one database never send the same row at once.
 */
@ApplicationScoped
public class MirrorOutbox {

    static final String LAST_ERROR = "github_mirror_last_error";
    static final String LAST_ERROR_AT = "github_mirror_last_error_at";

    private static final String COLUMNS = "claim_id, agent_id, repo, issue_number, status, pr_url, active, version, "
            + "comment_id, label_on, attempts";

    @Inject
    Settings settings;

    @Inject
    RuntimeCounters counters;

    /**
     * Records {@code claim}'s state, now, as the one to show; in the caller's write transaction, where the claim's row
     * is locked. A change GitHub would not show (a heartbeat) writes nothing; an ended claim with no row gets none.
     */
    public void record(EntityManager em, MirroredClaim claim, long now) {
        if (!settings.claimMirror().on()) {
            return;
        }
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + ", parked FROM claim_mirror WHERE claim_id = ?1")
                .setParameter(1, claim.claimId()).getResultList();
        if (rows.isEmpty()) {
            if (claim.active()) {
                insert(em, claim, now);
            }
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        if (toRow(row).claim().sameShown(claim)) {
            return;
        }
        if (number(row[11]) == 1 && !claim.active()) {
            delete(em, claim.claimId());
            return;
        }
        em.createNativeQuery("UPDATE claim_mirror SET agent_id = ?1, status = ?2, pr_url = ?3, active = ?4, "
                        + "version = version + 1, updated_at = ?5 WHERE claim_id = ?6")
                .setParameter(1, claim.agentId()).setParameter(2, claim.status()).setParameter(3, claim.prUrl())
                .setParameter(4, claim.active() ? 1 : 0).setParameter(5, now).setParameter(6, claim.claimId())
                .executeUpdate();
    }

    /** Up to {@code limit} claims whose rows wait to be sent at {@code now} and are leased by no one, longest waiting first. */
    List<String> due(EntityManager em, long now, int limit) {
        return em.createNativeQuery("SELECT claim_id FROM claim_mirror WHERE parked = 0 AND sent_version < version "
                        + "AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?1) "
                        + "ORDER BY next_attempt_at, updated_at LIMIT ?2")
                .setParameter(1, now).setParameter(2, limit).getResultList().stream().map(Object::toString).toList();
    }

    /** Takes the lease of {@code claimId}'s row for {@code owner} until {@code until}, if it still waits; the row then. */
    Optional<OutboxRow> lease(EntityManager em, String claimId, String owner, long now, long until) {
        int taken = em.createNativeQuery("UPDATE claim_mirror SET lease_owner = ?1, lease_until = ?2 WHERE claim_id = ?3 "
                        + "AND parked = 0 AND sent_version < version AND next_attempt_at <= ?4 "
                        + "AND (lease_until IS NULL OR lease_until < ?4)")
                .setParameter(1, owner).setParameter(2, until).setParameter(3, claimId).setParameter(4, now)
                .executeUpdate();
        if (taken != 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT " + COLUMNS + " FROM claim_mirror WHERE claim_id = ?1")
                .setParameter(1, claimId).getSingleResult();
        return Optional.of(toRow(row));
    }

    /** Extends {@code owner}'s lease until {@code until}; false when the lease is no longer {@code owner}'s. */
    boolean renew(EntityManager em, String claimId, String owner, long until) {
        return em.createNativeQuery("UPDATE claim_mirror SET lease_until = ?1 WHERE claim_id = ?2 AND lease_owner = ?3")
                .setParameter(1, until).setParameter(2, claimId).setParameter(3, owner).executeUpdate() == 1;
    }

    /**
     * Whether another claim's row, of an active claim, is on the same issue: the label then stays, the issue is
     * claimed again.
     */
    boolean otherActiveOn(EntityManager em, MirroredClaim claim) {
        return !em.createNativeQuery("SELECT claim_id FROM claim_mirror WHERE repo = ?1 AND issue_number = ?2 "
                        + "AND active = 1 AND claim_id <> ?3")
                .setParameter(1, claim.repo()).setParameter(2, claim.issueNumber()).setParameter(3, claim.claimId())
                .getResultList().isEmpty();
    }

    /** GitHub shows {@code version} of the row now: ends the lease, and the row when its claim has ended. */
    void sent(EntityManager em, String claimId, String owner, long version, Progress progress, long now) {
        int updated = em.createNativeQuery("UPDATE claim_mirror SET sent_version = ?1, attempts = 0, "
                        + "next_attempt_at = 0, last_error = NULL WHERE claim_id = ?2 AND lease_owner = ?3")
                .setParameter(1, version).setParameter(2, claimId).setParameter(3, owner).executeUpdate();
        settle(em, claimId, owner, progress, now);
        if (updated == 1) {
            em.createNativeQuery("DELETE FROM claim_mirror WHERE claim_id = ?1 AND active = 0 "
                            + "AND sent_version >= version")
                    .setParameter(1, claimId).executeUpdate();
        }
    }

    /** Sending failed: keeps what was done, and the row waits until {@code nextAttemptAt}. */
    void failed(EntityManager em, String claimId, String owner, Progress progress, int attempts, long nextAttemptAt,
            String error, long now) {
        em.createNativeQuery("UPDATE claim_mirror SET attempts = ?1, next_attempt_at = ?2, last_error = ?3 "
                        + "WHERE claim_id = ?4 AND lease_owner = ?5")
                .setParameter(1, attempts).setParameter(2, nextAttemptAt).setParameter(3, error)
                .setParameter(4, claimId).setParameter(5, owner).executeUpdate();
        settle(em, claimId, owner, progress, now);
        noteError(em, error, now);
    }

    /** The repository refused the write: the row is kept, not sent again, and gone once its claim has ended. */
    void park(EntityManager em, String claimId, String owner, Progress progress, String error, long now) {
        em.createNativeQuery("UPDATE claim_mirror SET parked = 1, last_error = ?1 WHERE claim_id = ?2 AND lease_owner = ?3")
                .setParameter(1, error).setParameter(2, claimId).setParameter(3, owner).executeUpdate();
        settle(em, claimId, owner, progress, now);
        em.createNativeQuery("DELETE FROM claim_mirror WHERE claim_id = ?1 AND active = 0").setParameter(1, claimId)
                .executeUpdate();
        noteError(em, error, now);
    }

    /** Rows waiting to be sent, those of them that failed at least once, and parked rows, across every process. */
    long[] counts(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "SUM(CASE WHEN parked = 0 AND sent_version < version THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN parked = 0 AND sent_version < version AND attempts > 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN parked = 1 THEN 1 ELSE 0 END) FROM claim_mirror")
                .getSingleResult();
        return new long[] {number(row[0]), number(row[1]), number(row[2])};
    }

    /** Writes what GitHub is known to show and ends {@code owner}'s lease. */
    private static void settle(EntityManager em, String claimId, String owner, Progress progress, long now) {
        em.createNativeQuery("UPDATE claim_mirror SET comment_id = CAST(?1 AS BIGINT), label_on = CAST(?2 AS INTEGER), "
                        + "lease_owner = NULL, lease_until = NULL, updated_at = ?3 WHERE claim_id = ?4 AND lease_owner = ?5")
                .setParameter(1, progress.commentId())
                .setParameter(2, progress.labelOn() == null ? null : progress.labelOn() ? 1 : 0)
                .setParameter(3, now).setParameter(4, claimId).setParameter(5, owner).executeUpdate();
    }

    private void noteError(EntityManager em, String error, long now) {
        counters.set(em, LAST_ERROR, error);
        counters.set(em, LAST_ERROR_AT, Long.toString(now));
    }

    private static void insert(EntityManager em, MirroredClaim claim, long now) {
        em.createNativeQuery("INSERT INTO claim_mirror (claim_id, repo, issue_number, agent_id, status, pr_url, active, "
                        + "version, sent_version, attempts, next_attempt_at, parked, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 1, 0, 0, 0, 0, ?7)")
                .setParameter(1, claim.claimId()).setParameter(2, claim.repo()).setParameter(3, claim.issueNumber())
                .setParameter(4, claim.agentId()).setParameter(5, claim.status()).setParameter(6, claim.prUrl())
                .setParameter(7, now).executeUpdate();
    }

    private static void delete(EntityManager em, String claimId) {
        em.createNativeQuery("DELETE FROM claim_mirror WHERE claim_id = ?1").setParameter(1, claimId).executeUpdate();
    }

    private static OutboxRow toRow(Object[] row) {
        MirroredClaim claim = new MirroredClaim((String) row[0], (String) row[1], (String) row[2], (int) number(row[3]),
                (String) row[4], (String) row[5], number(row[6]) == 1);
        Long commentId = row[8] == null ? null : number(row[8]);
        Boolean labelOn = row[9] == null ? null : number(row[9]) == 1;
        return new OutboxRow(claim, number(row[7]), commentId, labelOn, (int) number(row[10]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
