package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ClaimRace;
import dev.issuecommand.it.support.ClaimRace.Attempt;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exclusivity under contention: many threads, and two server processes sharing one SQLite file (the shared server and
 * a second process on its file), race for the same issues. Exactly one agent wins each issue; every other attempt is
 * {@code 409 already_claimed}.
 */
@WithSharedServer
class ClaimContentionIT {

    private static final String REPO = "race/track";
    /** The repository of the race on the shared server. */
    private static final String SHARED_REPO = "race/shared-track";
    private static final int ISSUES = 20;

    @Test
    void twentyFourThreadsRacingForTwentyIssuesLeaveOneWinnerEach(TestServer shared) throws Exception {
        shared.github().addIssues(SHARED_REPO, 1, ISSUES);
        List<Attempt> attempts = withLogs(() -> race(List.of(shared.api()), SHARED_REPO, 24), shared.server());
        assertOneWinnerPerIssue(attempts, 24, SHARED_REPO, shared.api());
    }

    @Test
    void twoProcessesOnOneDatabaseLeaveOneWinnerEach(TestServer shared) throws Exception {
        shared.github().addIssues(REPO, 1, ISSUES);
        ServerProcess first = shared.server();
        try (ServerProcess second = shared.anotherProcess()) {
            List<Attempt> attempts = withLogs(() -> race(List.of(first.api(), second.api()), REPO, 16), first, second);
            assertOneWinnerPerIssue(attempts, 16, REPO, first.api());
            assertThat(first.api().get("/api/claims?repo=" + REPO).json().get("claims"))
                    .hasSameSizeAs(second.api().get("/api/claims?repo=" + REPO).json().get("claims"));
        }
    }

    /** Runs the race; if it fails, the servers' logs go with the failure. */
    private static List<Attempt> withLogs(java.util.concurrent.Callable<List<Attempt>> race, ServerProcess... servers)
            throws Exception {
        try {
            return race.call();
        } catch (Exception e) {
            StringBuilder logs = new StringBuilder();
            for (ServerProcess server : servers) {
                String text = server.stderrText();
                logs.append("\n--- server stderr (tail) ---\n").append(text.substring(Math.max(0, text.length() - 6000)));
            }
            throw new AssertionError("race failed" + logs, e);
        }
    }

    /** {@code agents} threads, spread over {@code apis}, each trying every issue, starting at its own. */
    private static List<Attempt> race(List<Api> apis, String repo, int agents) throws Exception {
        return ClaimRace.run(apis, repo, agents, ISSUES, (agent, i) -> (i + agent) % ISSUES);
    }

    private static void assertOneWinnerPerIssue(List<Attempt> attempts, int agents, String repo, Api api) {
        assertThat(attempts).hasSize(agents * ISSUES);
        Map<Integer, String> winners = ClaimRace.assertOneWinnerPerIssue(attempts, ISSUES);
        ClaimRace.assertListed(api, repo, winners);
    }
}
