package dev.issuecommand.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Periodic work that must run once per round however many processes share the database (docs/behaviour.md §12): the
 * stale sweeps and the scheduled GitHub sync. Each process keeps its own schedule; at each tick it asks
 * {@link #mine}, and only the process whose conditional update of the job's row wins runs the round. When that
 * process dies, another one wins the next round.
 */
@ApplicationScoped
public class JobRounds {

    @Inject
    Database database;

    @Inject
    Clock clock;

    /**
     * Whether this process runs the round of {@code job} that is due now, for a job run every {@code period}: true
     * when no process ran it within the last three quarters of a period. Two runs are so at least that far apart,
     * whatever the processes' schedules, and a process's own next tick (one period later, give or take a quarter)
     * wins again.
     */
    public boolean mine(String job, Duration period) {
        long now = clock.millis();
        long before = now - period.toMillis() * 3 / 4;
        return database.write(em -> em.createNativeQuery(
                        "UPDATE job_rounds SET ran_at = ?1 WHERE job = ?2 AND ran_at <= ?3")
                .setParameter(1, now).setParameter(2, job).setParameter(3, before)
                .executeUpdate() == 1
                || em.createNativeQuery("INSERT INTO job_rounds (job, ran_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, job).setParameter(2, now)
                        .executeUpdate() == 1);
    }
}
