package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.StoredRows;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation with GitHub (docs/behaviour.md §6) against the jar and a fake GitHub: closures, metadata, failures,
 * ETags.
 */
@WithOwnServer(settings = {"ALLOWED_REPOS=acme/sync,acme/broken,acme/quiet", "SYNC_INTERVAL_MINUTES=0"})
class GitHubSyncIT {

    private static final String SYNC = "acme/sync";
    private static final String BROKEN = "acme/broken";
    private static final String QUIET = "acme/quiet";

    static FakeGitHub github;
    static ServerProcess server;
    static StoredRows stored;
    static Api api;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        github.addIssues(SYNC, 1, 20);
        github.addIssues(BROKEN, 1, 3);
        github.addIssues(QUIET, 1, 120);
        server = own.server();
        stored = own.storedRows();
        api = own.api();
    }

    private static JsonNode claim(String agent, String repo, int number) {
        Api.Answer answer = api.claim(agent, repo, number);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("claim");
    }

    private static JsonNode sync() {
        Api.Answer answer = api.post("/api/sync", null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("sync");
    }

    @Test
    void syncRunsAtStartAndHealthShowsWhen() throws Exception {
        JsonNode health = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/health").json().get("health"), h -> h.has("last_github_sync_at"));
        assertThat(health.get("last_github_sync_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(events("sync.reconciled")).isNotEmpty();
        assertThat(server.stderrText()).contains("\"event\":\"sync.scheduled\"").contains("\"at_start_only\":true");
        String gh = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> server
                .stderrText().lines().filter(l -> l.contains("\"event\":\"github.gh.")).findFirst().orElse(null),
                line -> line != null);
        assertThat(gh).as("the application says whether gh is there").isNotNull().doesNotContain(ServerProcess.GITHUB_TOKEN);
        assertThat(server.stderrText().lines().filter(l -> l.contains("\"event\":\"github.gh."))).as("once").hasSize(1);
    }

    @Test
    void anIssueClosedOnGitHubClosesItsClaim() throws Exception {
        String id = claim("agent-close", SYNC, 1).get("claim_id").asText();
        github.close(SYNC, 1);
        JsonNode report = sync();
        assertThat(report.get("externally_closed_claims").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode claim = api.get("/api/claims/" + id).json().get("claim");
        assertThat(claim.get("status").asText()).isEqualTo("closed");
        JsonNode last = claim.get("status_history").get(claim.get("status_history").size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("closed");
        assertThat(last.get("note").asText()).isEqualTo("Closed externally on GitHub");
        assertThat(api.get("/api/claims?repo=acme/sync").json().get("claims"))
                .noneMatch(c -> c.get("claim_id").asText().equals(id));
        assertThat(api.get("/api/claims/history?repo=acme/sync").json().get("items"))
                .anyMatch(c -> c.get("claim_id").asText().equals(id));
        assertThat(events("claim.updated")).anyMatch(e -> e.get("claim_id").asText().equals(id)
                && e.get("details").get("note").asText().equals("Closed externally on GitHub"));
    }

    @Test
    void changedTitleLabelsAndAssigneesAreRefreshedWithoutCountingAsAgentActivity() throws Exception {
        JsonNode before = claim("agent-meta", SYNC, 2);
        // on purpose: a later sync would show a later last_activity_at if it counted as activity
        Thread.sleep(20);
        github.setTitle(SYNC, 2, "Renamed on GitHub");
        github.setLabels(SYNC, 2, "bug", "p0");
        github.setAssignees(SYNC, 2, "octocat");
        JsonNode report = sync();
        assertThat(report.get("metadata_updates").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode after = api.get("/api/claims/" + before.get("claim_id").asText()).json().get("claim");
        assertThat(after.get("issue_title").asText()).isEqualTo("Renamed on GitHub");
        assertThat(after.get("issue_labels")).extracting(JsonNode::asText).containsExactly("bug", "p0");
        assertThat(after.get("issue_assignees")).extracting(JsonNode::asText).containsExactly("octocat");
        assertThat(after.get("status").asText()).isEqualTo("claimed");
        assertThat(after.get("status_history")).hasSize(1);
        assertThat(after.get("last_activity_at").asText()).as("not agent activity")
                .isEqualTo(before.get("last_activity_at").asText());
        assertThat(after.get("last_updated").asText()).isGreaterThan(before.get("last_updated").asText());
        assertThat(sync().get("metadata_updates").asInt()).as("nothing changed since").isZero();
    }

    @Test
    void aRepositoryThatFailsToListIsSkippedAndItsClaimsLeftAlone() throws Exception {
        String id = claim("agent-broken", BROKEN, 1).get("claim_id").asText();
        github.close(BROKEN, 1);
        github.failRepo(BROKEN, 502);
        try {
            JsonNode report = sync();
            assertThat(report.get("repos_scanned").asInt()).isEqualTo(2);
            assertThat(report.get("repos_failed")).extracting(JsonNode::asText).containsExactly(BROKEN);
            JsonNode claim = api.get("/api/claims/" + id).json().get("claim");
            assertThat(claim.get("status").asText()).isEqualTo("claimed");
            JsonNode event = events("sync.reconciled").get(events("sync.reconciled").size() - 1).get("details");
            assertThat(event.get("repos_scanned").asInt()).isEqualTo(2);
            for (String count : List.of("open_issues_seen", "newly_opened_issues", "externally_closed_claims",
                    "metadata_updates", "stale_marked", "stale_auto_released")) {
                assertThat(event.has(count)).as(count).isTrue();
            }
        } finally {
            github.healRepo(BROKEN);
            github.issue(BROKEN, 1).put("state", "open");
        }
    }

    @Test
    void aSecondSyncOfUnchangedRepositoriesIsAnsweredBy304s() {
        sync();
        int mark = github.answers().size();
        JsonNode report = sync();
        List<String> second = github.answers().subList(mark, github.answers().size());
        assertThat(second).isNotEmpty().allMatch(a -> a.endsWith(" 304"));
        assertThat(second).as("every repository, and both pages of acme/quiet")
                .anyMatch(a -> a.startsWith("GET /repos/acme/quiet/issues?state=open&per_page=100&page=2"))
                .anyMatch(a -> a.startsWith("GET /repos/acme/sync/issues"))
                .anyMatch(a -> a.startsWith("GET /repos/acme/broken/issues"));
        assertThat(report.get("open_issues_seen").asInt()).as("304 answers reuse the cached bodies")
                .isGreaterThanOrEqualTo(120);

        github.addIssue(QUIET, 121, "Brand new");
        mark = github.answers().size();
        JsonNode third = sync();
        List<String> changed = github.answers().subList(mark, github.answers().size());
        assertThat(changed).anyMatch(a -> a.startsWith("GET /repos/acme/quiet/issues") && a.endsWith(" 200"));
        assertThat(changed).filteredOn(a -> a.startsWith("GET /repos/acme/sync/")).allMatch(a -> a.endsWith(" 304"));
        assertThat(third.get("newly_opened_issues").asInt()).isEqualTo(1);
    }

    private static List<JsonNode> events(String type) {
        return stored.events(type);
    }
}
