package dev.issuecommand.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ClaimRace;
import dev.issuecommand.it.support.ClaimRace.Attempt;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of claim attempts: 16 agents spread over two server processes sharing one SQLite file each try all
 * 200 issues in their own order. Exactly one agent wins each issue, every other attempt is refused naming it,
 * and both processes then list the same winners.
 */
class ContentionAcrossProcessesIT {

    private static final String REPO = "race/big";
    private static final int ISSUES = 200;
    private static final int AGENTS = 16;

    @TempDir
    Path dir;

    @Test
    void sixteenAgentsOnTwoProcessesLeaveOneWinnerPerIssue() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, ISSUES);
            Path db = dir.resolve("contention.db");
            try (ServerProcess first = ServerProcess.create(github, db, Map.of()).start();
                    ServerProcess second = ServerProcess.create(github, db, Map.of()).start()) {
                List<Attempt> attempts = ClaimRace.run(List.of(first.api(), second.api()), REPO, AGENTS, ISSUES,
                        (agent, i) -> Math.floorMod(agent * 13 + i * (agent % 2 == 0 ? 1 : ISSUES - 1), ISSUES));
                assertThat(attempts).hasSize(AGENTS * ISSUES);
                Map<Integer, String> winners = ClaimRace.assertOneWinnerPerIssue(attempts, ISSUES);
                ClaimRace.assertListed(first.api(), REPO, winners);
                ClaimRace.assertListed(second.api(), REPO, winners);
            }
        }
    }
}
