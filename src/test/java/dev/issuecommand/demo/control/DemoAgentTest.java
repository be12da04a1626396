package dev.issuecommand.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.StatusChange;
import dev.issuecommand.config.settings.DemoSettings;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.demo.entity.DemoIssue;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.problems.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated agents' steps, against the real {@link Claim} rules and the demo's GitHub. */
class DemoAgentTest {

    private static final Instant START = Instant.parse("2026-11-30T02:00:00Z");

    private final Map<String, Claim> held = new LinkedHashMap<>();
    private final List<String> reviewed = new ArrayList<>();
    private DemoCrew crew;
    private int heartbeats;
    private final List<String> followupMoves = new ArrayList<>();
    private Instant now = START;

    @BeforeEach
    void crew() {
        DemoGitHub github = new DemoGitHub();
        github.settings = Settings.from(Map.of(DemoSettings.ARGUMENT_PROPERTY, "true")::get);
        github.clock = Clock.fixed(START, ZoneOffset.UTC);
        github.init();
        crew = new DemoCrew();
        crew.github = github;
        crew.moves = new ClaimsInMemory(github);
        crew.reviews = new DemoReviews() {
            @Override
            public void requestChanges(String repo, int number, String prUrl, String title) {
                reviewed.add(prUrl);
            }
        };
    }

    @Test
    void aWorkerTakesAnIssueToClosedAndTheIssueIsClosedOnGitHub() {
        DemoAgent ada = new DemoAgent("demo-ada", false, START);
        run(ada, Duration.ofMinutes(1));

        Claim first = held.values().iterator().next();
        ClaimView view = first.view();
        assertThat(view.agentId()).isEqualTo("demo-ada");
        assertThat(view.statusHistory()).extracting(StatusChange::status)
                .containsExactly("claimed", "in_progress", "pr_submitted", "pr_merged", "closed");
        assertThat(view.prUrl()).matches("https://github.com/demo-org/(api|web|docs)/pull/\\d+");
        assertThat(reviewed).as("the first pull request gets changes requested").first().isEqualTo(view.prUrl());
        assertThat(crew.github.backlog().issue(view.repo(), view.issueNumber())).hasValueSatisfying(
                issue -> assertThat(issue.open()).isFalse());
        assertThat(heartbeats).as("heartbeats between steps").isPositive();
    }

    @Test
    void theGhostClaimsAndThenDoesNothing() {
        DemoAgent ghost = new DemoAgent("demo-ghost", true, START);
        run(ghost, Duration.ofMinutes(3));

        assertThat(held).hasSize(1);
        ClaimView view = held.values().iterator().next().view();
        assertThat(view.status()).isEqualTo("claimed");
        assertThat(view.lastActivityAt()).isEqualTo(view.claimedAt());
        assertThat(heartbeats).isZero();
    }

    @Test
    void aWorkerWhoseClaimEndedElsewhereTakesOtherWork() {
        DemoAgent grace = new DemoAgent("demo-grace", false, START);
        grace.step(crew, START);
        Claim taken = held.values().iterator().next();
        long later = START.plusSeconds(1).toEpochMilli();
        taken.markStale("idle", later);
        taken.autoRelease("released", later);

        run(grace, Duration.ofSeconds(20));

        assertThat(taken.view().status()).isEqualTo("released");
        assertThat(held).hasSizeGreaterThan(1);
        assertThat(held.values()).filteredOn(Claim::active).singleElement()
                .satisfies(claim -> assertThat(claim.agentId()).isEqualTo("demo-grace"));
    }

    @Test
    void aWorkerTakesAFollowupFirstAndFinishesIt() {
        ((ClaimsInMemory) crew.moves).queued = new FollowupView("work-1", "demo-org/api", 120,
                "https://github.com/demo-org/api/pull/120", "Fix #101", "review_changes_requested", "review:1", null,
                "demo-reviewer", "Please add a test", List.of(), "queued", null, null, null, null, null, null, List.of());
        DemoAgent linus = new DemoAgent("demo-linus", false, START);
        run(linus, Duration.ofSeconds(30));

        assertThat(followupMoves).startsWith("work-1 in_progress", "work-1 done");
        assertThat(held.values()).as("then an issue").isNotEmpty();
    }

    private void run(DemoAgent agent, Duration span) {
        for (now = START; !now.isAfter(START.plus(span)); now = now.plusSeconds(2)) {
            agent.step(crew, now);
        }
    }

    /** Claims kept in memory by the real entity, issues taken from the demo's GitHub in {@code next_issue} order. */
    private final class ClaimsInMemory extends DemoMoves {

        private final DemoGitHub github;
        private FollowupView queued;

        ClaimsInMemory(DemoGitHub github) {
            this.github = github;
        }

        @Override
        public NextWorkResult nextWork(String agentId) {
            if (queued != null) {
                FollowupView taken = queued;
                queued = null;
                return NextWorkResult.followup(taken);
            }
            ClaimResult result = nextIssue(agentId);
            return result.ok() ? NextWorkResult.issue(result.claim(), null)
                    : NextWorkResult.refused(result.reason(), result.message());
        }

        @Override
        public ClaimResult nextIssue(String agentId) {
            Optional<DemoIssue> free = github.backlog().open("demo-org/api").stream()
                    .filter(issue -> held.values().stream().noneMatch(c -> c.active()
                            && c.issueNumber() == issue.number()))
                    .findFirst();
            if (free.isEmpty()) {
                return ClaimResult.refused(Reason.INVALID_ISSUE, "none");
            }
            Claim claim = new Claim("claim-" + held.size(), agentId, "demo-org/api", free.get().number(),
                    free.get().title(), free.get().labels(), List.of(), now.toEpochMilli());
            held.put(claim.claimId(), claim);
            return ClaimResult.success(claim.view());
        }

        @Override
        public ClaimResult update(String agentId, String claimId, ClaimStatus status, String note, String prUrl) {
            return held.get(claimId).change(agentId, status, note, prUrl, now.toEpochMilli()).answer();
        }

        @Override
        public FollowupResult update(String agentId, String workItemId, FollowupStatus status, String note) {
            followupMoves.add(workItemId + " " + status.wire());
            return FollowupResult.success(null);
        }

        @Override
        public ClaimResult heartbeat(String agentId, String claimId) {
            heartbeats++;
            return held.get(claimId).heartbeat(agentId, now.toEpochMilli()).answer();
        }

        @Override
        public Optional<ClaimView> claim(String claimId) {
            return Optional.ofNullable(held.get(claimId)).map(Claim::view);
        }
    }
}
