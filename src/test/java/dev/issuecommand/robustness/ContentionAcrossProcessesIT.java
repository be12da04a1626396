package dev.issuecommand.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ClaimRace;
import dev.issuecommand.it.support.ClaimRace.Attempt;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thousands of claim attempts: 16 agents spread over two server processes sharing one SQLite file each try all
 * 200 issues in their own order. Exactly one agent wins each issue, every other attempt is refused naming it,
 * and both processes then list the same winners. The two processes are the shared server and a second one on its file.
 */
@WithSharedServer
class ContentionAcrossProcessesIT {

    private static final String REPO = "race/big";
    private static final int ISSUES = 200;
    private static final int AGENTS = 16;

    @Test
    void sixteenAgentsOnTwoProcessesLeaveOneWinnerPerIssue(TestServer shared) throws Exception {
        shared.github().addIssues(REPO, 1, ISSUES);
        ServerProcess first = shared.server();
        try (ServerProcess second = shared.anotherProcess()) {
            List<Attempt> attempts = ClaimRace.run(List.of(first.api(), second.api()), REPO, AGENTS, ISSUES,
                    (agent, i) -> Math.floorMod(agent * 13 + i * (agent % 2 == 0 ? 1 : ISSUES - 1), ISSUES));
            assertThat(attempts).hasSize(AGENTS * ISSUES);
            Map<Integer, String> winners = ClaimRace.assertOneWinnerPerIssue(attempts, ISSUES);
            ClaimRace.assertListed(first.api(), REPO, winners);
            ClaimRace.assertListed(second.api(), REPO, winners);
        }
    }
}
