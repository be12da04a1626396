package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repositories, open issues, issue details, next_issue and auto-close over real HTTP against the jar and a fake GitHub. */
@WithOwnServer(settings = {"ALLOWED_REPOS=acme/widgets,acme/gadgets,acme/private-stuff,acme/tools",
    "AUTO_CLOSE_GITHUB_ISSUE=true"})
class RepositoriesAndNextIssueIT {

    private static final String WIDGETS = "acme/widgets";
    private static final String GADGETS = "acme/gadgets";
    private static final String PRIVATE = "acme/private-stuff";
    private static final String TOOLS = "acme/tools";

    static FakeGitHub github;
    static Api api;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        github.addIssues(WIDGETS, 1, 150);
        github.close(WIDGETS, 150);
        github.markPullRequest(WIDGETS, 149);
        github.setLabels(WIDGETS, 10, "bug", "p1");
        github.setLabels(WIDGETS, 11, "bug");
        github.setMilestone(WIDGETS, 12, 3, "v1.0");
        github.setMilestone(WIDGETS, 13, 4, "v2.0");
        github.addComments(WIDGETS, 5, 130);

        github.addIssue(GADGETS, 1, "Unlabeled old");
        github.setCreatedAt(GADGETS, 1, "2025-01-01T00:00:00Z");
        github.addIssue(GADGETS, 2, "Unlabeled newer");
        github.setCreatedAt(GADGETS, 2, "2025-06-01T00:00:00Z");
        github.addIssue(GADGETS, 3, "Medium", "medium");
        github.setCreatedAt(GADGETS, 3, "2026-02-01T00:00:00Z");
        github.addIssue(GADGETS, 4, "Critical newer", "P0");
        github.setCreatedAt(GADGETS, 4, "2026-03-01T00:00:00Z");
        github.addIssue(GADGETS, 5, "Critical older", "severity:critical");
        github.setCreatedAt(GADGETS, 5, "2026-02-15T00:00:00Z");
        github.addIssue(GADGETS, 6, "High label is critical", "high");
        github.setCreatedAt(GADGETS, 6, "2026-04-01T00:00:00Z");
        github.addIssue(GADGETS, 7, "A pull request", "p0");
        github.markPullRequest(GADGETS, 7);
        github.addIssue(GADGETS, 8, "Closed", "p0");
        github.close(GADGETS, 8);
        github.addIssue(GADGETS, 9, "Claimed already", "p0");

        github.addIssue(PRIVATE, 1, "Oldest critical anywhere", "p0");
        github.setCreatedAt(PRIVATE, 1, "2020-01-01T00:00:00Z");
        github.addIssue(PRIVATE, 2, "Ordinary");
        github.addIssues(TOOLS, 1, 5);
        github.addIssue("evil/outside", 1, "Not allowed");
        api = own.api();
    }

    @Test
    void reposListsTheAllowedRepositoriesWithOpenIssueCounts() {
        Api.Answer answer = api.get("/api/repos");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode repos = answer.json().get("repos");
        assertThat(repos).extracting(r -> r.get("full_name").asText()).containsExactly(WIDGETS, GADGETS, PRIVATE, TOOLS);
        JsonNode widgets = repos.get(0);
        assertThat(widgets.get("owner").asText()).isEqualTo("acme");
        assertThat(widgets.get("name").asText()).isEqualTo("widgets");
        assertThat(widgets.get("url").asText()).isEqualTo("https://github.com/acme/widgets");
        assertThat(widgets.get("description").asText()).isEqualTo("Description of acme/widgets");
        assertThat(widgets.get("private").asBoolean()).isFalse();
        assertThat(widgets.get("open_issue_count").asInt()).as("150 issues, one closed, one a pull request")
                .isEqualTo(148);
        assertThat(repos.get(2).get("private").asBoolean()).isTrue();

        JsonNode without = api.get("/api/repos?include_counts=false").json().get("repos");
        assertThat(without).hasSize(4);
        assertThat(without.get(0).has("open_issue_count")).isFalse();
        Api.Answer bad = api.get("/api/repos?include_counts=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).isEqualTo("Missing or invalid field: include_counts");
    }

    @Test
    void openIssuesArePagedAndLeaveOutPullRequestsClosedAndClaimedIssues() {
        assertThat(api.claim("lister", WIDGETS, 100).status())
                .isEqualTo(200);
        Api.Answer answer = api.get("/api/repos/acme/widgets/issues");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode issues = answer.json().get("issues");
        List<Integer> numbers = new ArrayList<>();
        issues.forEach(i -> numbers.add(i.get("number").asInt()));
        assertThat(numbers).as("past the first page of 100").contains(1, 99, 101, 148).doesNotContain(100, 149, 150);
        assertThat(numbers.get(0)).as("the p1 issue comes first").isEqualTo(10);
        JsonNode first = issues.get(0);
        assertThat(first.get("title").asText()).isEqualTo("Issue 10");
        assertThat(first.get("labels")).extracting(JsonNode::asText).containsExactly("bug", "p1");
        assertThat(first.get("url").asText()).isEqualTo("https://github.com/acme/widgets/issues/10");
        assertThat(first.get("state").asText()).isEqualTo("open");
        assertThat(github.requests()).anyMatch(r -> r.startsWith("GET /repos/acme/widgets/issues?state=open&per_page=100&page=2"));
    }

    @Test
    void openIssuesFilterByLabelAndMilestone() {
        JsonNode bugs = api.get("/api/repos/acme/widgets/issues?label=bug").json().get("issues");
        assertThat(bugs).extracting(i -> i.get("number").asInt()).containsExactly(10, 11);
        JsonNode byNumber = api.get("/api/repos/acme/widgets/issues?milestone=3").json().get("issues");
        assertThat(byNumber).extracting(i -> i.get("number").asInt()).containsExactly(12);
        JsonNode byTitle = api.get("/api/repos/acme/widgets/issues?milestone=V2.0").json().get("issues");
        assertThat(byTitle).extracting(i -> i.get("number").asInt()).containsExactly(13);
        assertThat(byTitle.get(0).get("milestone").asText()).isEqualTo("v2.0");
    }

    @Test
    void repositoriesOutsideAllowedReposAre403AndBadNames400() {
        Api.Answer outside = api.get("/api/repos/evil/outside/issues");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("reason").asText()).isEqualTo("invalid_repo");
        assertThat(outside.json().get("message").asText()).contains("evil/outside");
        assertThat(api.get("/api/issues/evil/outside/1").json().get("reason").asText()).isEqualTo("invalid_repo");
        Api.Answer next = api.post("/api/next", Map.of("agent_id", "a", "repo", "evil/outside"));
        assertThat(next.status()).isEqualTo(403);
        assertThat(next.json().get("reason").asText()).isEqualTo("invalid_repo");
        Api.Answer badNumber = api.get("/api/issues/acme/widgets/abc");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().get("detail").asText()).isEqualTo("Missing or invalid field: number");
    }

    @Test
    void issueDetailsCarryEveryCommentPastOneHundred() {
        Api.Answer answer = api.get("/api/issues/acme/widgets/5");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode issue = answer.json().get("issue");
        assertThat(issue.get("number").asInt()).isEqualTo(5);
        assertThat(issue.get("title").asText()).isEqualTo("Issue 5");
        assertThat(issue.get("body").asText()).isEqualTo("Body of Issue 5");
        JsonNode comments = issue.get("comments");
        assertThat(comments).hasSize(130);
        JsonNode last = comments.get(129);
        assertThat(last.get("author").asText()).isEqualTo("commenter130");
        assertThat(last.get("body").asText()).isEqualTo("Comment 130");
        assertThat(last.get("created_at").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(last.get("url").asText()).endsWith("#issuecomment-130");

        Api.Answer missing = api.get("/api/issues/acme/widgets/9999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void nextIssueTakesPriorityLabelsThenOldestAndEndsWith409() {
        assertThat(api.claim("early", GADGETS, 9).status())
                .isEqualTo(200);
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Answer next = api.post("/api/next", Map.of("agent_id", "picker-" + i, "repo", GADGETS));
            assertThat(next.status()).as(next.text()).isEqualTo(200);
            assertThat(next.json().get("ok").asBoolean()).isTrue();
            JsonNode claim = next.json().get("claim");
            assertThat(claim.get("agent_id").asText()).isEqualTo("picker-" + i);
            assertThat(claim.get("status").asText()).isEqualTo("claimed");
            assertThat(next.json().get("issue").get("number").asInt()).isEqualTo(claim.get("issue_number").asInt());
            taken.add(claim.get("issue_number").asInt());
        }
        assertThat(taken).as("p0-class labels oldest first, then medium, then the oldest unlabeled")
                .containsExactly(5, 4, 6, 3, 1, 2);
        Api.Answer none = api.post("/api/next", Map.of("agent_id", "late", "repo", GADGETS));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("ok").asBoolean()).isFalse();
        assertThat(none.json().get("reason").asText()).isEqualTo("invalid_issue");
        assertThat(none.json().get("message").asText()).isEqualTo("No eligible unclaimed issues found");
    }

    @Test
    void nextIssueWithoutRepoLooksAcrossEveryAllowedRepository() {
        Api.Answer next = api.post("/api/next", Map.of("agent_id", "roamer"));
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        assertThat(next.json().get("claim").get("repo").asText()).isEqualToIgnoringCase(PRIVATE);
        assertThat(next.json().get("claim").get("issue_number").asInt()).isEqualTo(1);
    }

    @Test
    void autoCloseClosesTheIssueOnGitHubAndSaysSo() {
        String id = walkToMerged(1);
        Api.Answer closed = api.patch("/api/claims/" + id, Map.of("agent_id", "closer", "status", "closed"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("claim").get("status").asText()).isEqualTo("closed");
        assertThat(closed.json().get("issue_closed").asBoolean()).isTrue();
        assertThat(closed.json().has("issue_close_error")).isFalse();
        assertThat(github.requests()).contains("PATCH /repos/acme/tools/issues/1");
        assertThat(github.issue(TOOLS, 1).get("state").asText()).isEqualTo("closed");

        String failing = walkToMerged(2);
        github.failPatches(422);
        try {
            Api.Answer refused = api.patch("/api/claims/" + failing, Map.of("agent_id", "closer", "status", "closed"));
            assertThat(refused.status()).as("the claim still closes").isEqualTo(200);
            assertThat(refused.json().get("claim").get("status").asText()).isEqualTo("closed");
            assertThat(refused.json().get("issue_closed").asBoolean()).isFalse();
            assertThat(refused.json().get("issue_close_error").asText()).contains("422");
            assertThat(github.requests().stream().filter(r -> r.equals("PATCH /repos/acme/tools/issues/2")))
                    .as("a 4xx is not retried").hasSize(1);
            assertThat(github.issue(TOOLS, 2).get("state").asText()).isEqualTo("open");
        } finally {
            github.failPatches(0);
        }
    }

    private String walkToMerged(int issue) {
        Api.Answer claimed = api.claim("closer", TOOLS, issue);
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        String id = claimed.json().get("claim").get("claim_id").asText();
        api.patch("/api/claims/" + id, Map.of("agent_id", "closer", "status", "in_progress"));
        api.patch("/api/claims/" + id, Map.of("agent_id", "closer", "status", "pr_submitted",
                "pr_url", "https://github.com/acme/tools/pull/" + (100 + issue)));
        assertThat(api.patch("/api/claims/" + id, Map.of("agent_id", "closer", "status", "pr_merged")).status())
                .isEqualTo(200);
        return id;
    }
}
