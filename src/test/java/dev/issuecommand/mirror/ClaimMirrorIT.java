package dev.issuecommand.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claims mirrored on GitHub (docs/behaviour.md §19) as a user of the repository sees them: one comment per claim,
 * edited in place as the claim moves, and the label while it is active; a repository the token cannot write leaves
 * claims working, with one warning and the health answer saying so; a crash between GitHub creating a comment and the
 * server recording it leaves one comment, not two; a claim changed through two processes on one database keeps one
 * comment. The server is the class's own: one test kills it.
 */
@WithOwnServer(settings = {"GITHUB_CLAIM_MIRROR=both"})
class ClaimMirrorIT {

    private static final String REPO = "mirror/widgets";
    private static final String LOCKED = "mirror/locked";
    private static final String CRASH = "mirror/crash";
    private static final String TWO_PROCESSES = "mirror/twice";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static FakeGitHub github;
    static Api api;
    static TestServer own;

    @BeforeAll
    static void start(TestServer server) {
        own = server;
        github = server.github();
        github.addIssues(REPO, 1, 3);
        github.addIssues(LOCKED, 1, 2);
        github.refuseWrites(LOCKED, 403);
        github.addIssue(CRASH, 1, "Crash me");
        github.addIssue(TWO_PROCESSES, 1, "Changed through two processes");
        api = server.api();
    }

    @Test
    void oneCommentFollowsTheClaimAndTheLabelStaysWhileItIsActive() {
        String id = api.claimId("mirror-agent", REPO, 1);

        String claimed = awaitOneComment(1, "status: claimed");
        assertThat(claimed).startsWith("Claimed by agent `mirror-agent` via IssueCommand — status: claimed")
                .contains("<!-- issuecommand:claim:" + id + " -->");
        await().atMost(PATIENCE).until(() -> github.labels(REPO, 1).contains("agent-working"));

        update(id, Map.of("agent_id", "mirror-agent", "status", "in_progress"));
        awaitOneComment(1, "status: in progress");
        update(id, Map.of("agent_id", "mirror-agent", "status", "pr_submitted",
                "pr_url", "https://github.com/mirror/widgets/pull/7"));
        assertThat(awaitOneComment(1, "status: PR submitted"))
                .contains("— PR: https://github.com/mirror/widgets/pull/7");
        assertThat(github.labels(REPO, 1)).containsOnlyOnce("agent-working");

        Api.Answer released = api.delete("/api/claims/" + id, Map.of("agent_id", "mirror-agent"));
        assertThat(released.status()).isEqualTo(200);
        String ended = awaitOneComment(1, "status: released");
        assertThat(ended).startsWith("Was claimed by agent `mirror-agent`").contains("can be claimed again")
                .contains("<!-- issuecommand:claim:" + id + " -->");
        await().atMost(PATIENCE).until(() -> !github.labels(REPO, 1).contains("agent-working"));
        assertThat(github.commentBodies(REPO, 1)).hasSize(1);
    }

    @Test
    void aNewClaimOfTheSameIssueGetsACommentOfItsOwn() {
        String first = api.claimId("mirror-first", REPO, 2);
        awaitOneComment(2, "mirror-first");
        api.delete("/api/claims/" + first, Map.of("agent_id", "mirror-first"));
        String second = api.claimId("mirror-second", REPO, 2);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(github.commentBodies(REPO, 2))
                .satisfiesExactly(
                        one -> assertThat(one).contains("<!-- issuecommand:claim:" + first + " -->")
                                .contains("status: released"),
                        two -> assertThat(two).contains("<!-- issuecommand:claim:" + second + " -->")
                                .contains("status: claimed")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(github.labels(REPO, 2)).containsOnlyOnce("agent-working"));
    }

    @Test
    void aRepositoryTheTokenCannotWriteKeepsItsClaimsWithOneWarning() throws Exception {
        for (int issue = 1; issue <= 2; issue++) {
            Api.Answer claim = api.claim("mirror-locked", LOCKED, issue);
            assertThat(claim.status()).as(claim.text()).isEqualTo(200);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode mirror = api.get("/api/health").json().get("health").get("github_mirror");
            assertThat(mirror.get("mode").asText()).isEqualTo("both");
            assertThat(mirror.get("parked").asInt()).isEqualTo(2);
            assertThat(mirror.get("last_error").get("message").asText()).contains(LOCKED).contains("403");
        });
        assertThat(github.requests().stream().filter(r -> r.startsWith("POST /repos/" + LOCKED + "/")))
                .as("one write tried per claim, none again").hasSize(2);
        assertThat(github.commentBodies(LOCKED, 1)).isEmpty();
        String stderr = own.server().stderrText();
        assertThat(stderr.lines().filter(l -> l.contains("github_mirror.repo_not_writable") && l.contains(LOCKED)))
                .hasSize(1);
        assertThat(stderr).doesNotContain(ServerProcess.GITHUB_TOKEN);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.getPublic("/metrics?scope=application", null).text())
                .containsPattern("issuecommand_github_mirror_parked\\{[^}]*} 2\\.0")
                .containsPattern("issuecommand_github_mirror_sends_total\\{[^}]*outcome=\"parked\"[^}]*} 2\\.0"));
    }

    @Test
    void aCommentCreatedJustBeforeACrashIsEditedAfterTheRestart() throws Exception {
        ServerProcess server = own.server();
        github.holdCommentCreates();
        String id;
        try {
            id = api.claimId("crash-agent", CRASH, 1);
            await().atMost(PATIENCE).until(() -> github.commentBodies(CRASH, 1).size() == 1);
            server.kill();
        } finally {
            github.releaseCommentCreates();
        }

        server.start();
        update(id, Map.of("agent_id", "crash-agent", "status", "in_progress"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(github.commentBodies(CRASH, 1))
                .singleElement().asString().contains("status: in progress")
                .contains("<!-- issuecommand:claim:" + id + " -->"));
        assertThat(github.requests().stream().filter(r -> r.startsWith("POST /repos/" + CRASH + "/issues/1/comments")))
                .as("created once, before the crash").hasSize(1);
    }

    @Test
    void aClaimChangedThroughTwoProcessesKeepsOneComment() throws Exception {
        try (ServerProcess second = own.anotherProcess()) {
            Api other = second.api();
            String id = api.claimId("two-process-agent", TWO_PROCESSES, 1);
            awaitOneComment(TWO_PROCESSES, 1, "status: claimed");
            Api.Answer moved = other.patch("/api/claims/" + id,
                    Map.of("agent_id", "two-process-agent", "status", "in_progress"));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            awaitOneComment(TWO_PROCESSES, 1, "status: in progress");
            update(id, Map.of("agent_id", "two-process-agent", "status", "pr_submitted",
                    "pr_url", "https://github.com/mirror/twice/pull/3"));
            awaitOneComment(TWO_PROCESSES, 1, "status: PR submitted");
            Api.Answer released = other.delete("/api/claims/" + id, Map.of("agent_id", "two-process-agent"));
            assertThat(released.status()).as(released.text()).isEqualTo(200);

            assertThat(awaitOneComment(TWO_PROCESSES, 1, "status: released"))
                    .contains("<!-- issuecommand:claim:" + id + " -->");
            await().atMost(PATIENCE).until(() -> !github.labels(TWO_PROCESSES, 1).contains("agent-working"));
            assertThat(github.requests().stream()
                    .filter(r -> r.startsWith("POST /repos/" + TWO_PROCESSES + "/issues/1/comments")))
                    .as("both processes' workers edit the one comment").hasSize(1);
        }
    }

    private static void update(String id, Map<String, String> body) {
        Api.Answer answer = api.patch("/api/claims/" + id, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    /** Waits until issue {@code number} of {@link #REPO} has exactly one comment containing {@code text}. */
    private static String awaitOneComment(int number, String text) {
        return awaitOneComment(REPO, number, text);
    }

    /** Waits until issue {@code number} of {@code repo} has exactly one comment and it contains {@code text}. */
    private static String awaitOneComment(String repo, int number, String text) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(github.commentBodies(repo, number))
                .singleElement().asString().contains(text));
        return github.commentBodies(repo, number).get(0);
    }
}
