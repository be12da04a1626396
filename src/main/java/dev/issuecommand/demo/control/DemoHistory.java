package dev.issuecommand.demo.control;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.demo.entity.DemoRepo;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Finished claims of the last 24 hours for a fresh demo database, so the charts have something to show: each made by
 * the {@link Claim} entity's own moves at back-dated times (claimed → in_progress → pr_submitted → pr_merged →
 * closed, every fifth released on the way), in one write transaction, once: a database with claims is left alone.
 */
@ApplicationScoped
public class DemoHistory {

    static final int CLAIMS = 30;
    private static final Duration SPAN = Duration.ofHours(24);

    @Inject
    Database database;

    @Inject
    RuntimeCounters counters;

    @Inject
    Clock clock;

    /** Adds the history unless the database already has a claim; answers how many claims it added. */
    public int seedIfEmpty() {
        return database.write(em -> {
            long existing = em.createQuery("SELECT COUNT(c) FROM Claim c", Long.class).getSingleResult();
            if (existing > 0) {
                return 0;
            }
            Random random = new Random(CLAIMS);
            long now = clock.millis();
            for (int i = 0; i < CLAIMS; i++) {
                long endedAt = now - SPAN.toMillis() + (SPAN.toMillis() * i + SPAN.toMillis() / 2) / CLAIMS;
                em.persist(finished(i, endedAt, random));
                counters.increment(em, RuntimeCounters.TOTAL_CLAIMS);
            }
            return CLAIMS;
        });
    }

    /** Claim {@code i} of the history, ended at {@code endedAt}, its steps minutes apart. */
    private static Claim finished(int i, long endedAt, Random random) {
        String agent = DemoCrew.WORKERS.get(i % DemoCrew.WORKERS.size());
        DemoRepo repo = DemoCatalog.REPOS.get(i % DemoCatalog.REPOS.size());
        DemoRepo.Seed seed = repo.later().get(i % repo.later().size());
        boolean released = i % 5 == 4;
        long[] steps = {minutes(random, 2, 10), minutes(random, 20, 120), minutes(random, 10, 90),
            minutes(random, 1, 5)};
        long at = endedAt - (released ? steps[0] + steps[1] : steps[0] + steps[1] + steps[2] + steps[3]);
        Claim claim = new Claim(UUID.randomUUID().toString(), agent, repo.fullName(), 1 + i, seed.title(),
                seed.labels(), List.of(), at);
        claim.attributeNewestChange("agent:" + agent);
        claim.actingAs("agent:" + agent);
        at += steps[0];
        claim.change(agent, ClaimStatus.IN_PROGRESS, null, null, at);
        at += steps[1];
        if (released) {
            claim.change(agent, ClaimStatus.RELEASED, "Blocked on an upstream fix", null, at);
            return claim;
        }
        String prUrl = "https://github.com/" + repo.fullName() + "/pull/" + (40 + i);
        claim.change(agent, ClaimStatus.PR_SUBMITTED, null, prUrl, at);
        at += steps[2];
        claim.change(agent, ClaimStatus.PR_MERGED, null, null, at);
        at += steps[3];
        claim.change(agent, ClaimStatus.CLOSED, null, null, at);
        return claim;
    }

    private static long minutes(Random random, int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1)).toMillis() + random.nextInt(60_000);
    }
}
