package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ClaimRace.Attempt;
import dev.issuecommand.it.support.ClaimRace;
import dev.issuecommand.it.support.OnTwoPostgresInstances;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.TwoInstances;
import dev.issuecommand.it.support.WithSharedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exclusivity on PostgreSQL: agents spread over two instances race for the same issues, round after round, up to
 * 10,000 attempts. Each issue has exactly one winner and every other attempt is {@code 409 already_claimed} naming it
 * (docs/behaviour.md §4, §12).
 * It runs on the pair of instances shared with the other classes on PostgreSQL; each round has a repository of its own.
 */
@WithSharedServer
@OnTwoPostgresInstances
class ContentionOnPostgresIT {

    private static final int AGENTS = 20;
    private static final int ISSUES = 25;
    private static final int ROUNDS = 20;
    /** No round starts after this much racing: the test ends by itself however slow the machine is. */
    private static final Duration BUDGET = Duration.ofSeconds(120);

    private static final System.Logger LOG = System.getLogger(ContentionOnPostgresIT.class.getName());

    static TwoInstances servers;

    @BeforeAll
    static void start(TestServer shared) {
        servers = shared.instances();
    }

    @Test
    void everyIssueHasOneWinnerWhateverInstanceTheAgentsUse() throws Exception {
        long end = System.nanoTime() + BUDGET.toNanos();
        int round = 0;
        do {
            race("race/postgres-" + round);
            round++;
        } while (round < ROUNDS && System.nanoTime() < end);
        LOG.log(System.Logger.Level.INFO, "{0} rounds, {1} claim attempts", round, round * AGENTS * ISSUES);
        for (var server : List.of(servers.a, servers.b)) {
            assertThat(server.stderrText()).as("a lost race is an answer, not a failed insert in the log")
                    .doesNotContain("claims_one_active_per_issue");
        }
    }

    /**
     * One round on its own repository: groups of four agents, two on each instance, start on the same issue and
     * then try every other issue in turn.
     */
    private static void race(String repo) throws Exception {
        servers.github.addIssues(repo, 1, ISSUES);
        List<Attempt> attempts;
        try {
            attempts = ClaimRace.run(List.of(servers.a.api(), servers.b.api()), repo, AGENTS, ISSUES,
                    (agent, i) -> (i + agent / 4) % ISSUES);
            assertThat(attempts).hasSize(AGENTS * ISSUES);
            Map<Integer, String> winners = ClaimRace.assertOneWinnerPerIssue(attempts, ISSUES);
            ClaimRace.assertListed(servers.a.api(), repo, winners);
            ClaimRace.assertListed(servers.b.api(), repo, winners);
        } catch (Exception | AssertionError e) {
            throw new AssertionError("round on " + repo + " failed" + servers.stderrTails(), e);
        }
    }
}
