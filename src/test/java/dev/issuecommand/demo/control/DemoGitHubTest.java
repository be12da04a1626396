package dev.issuecommand.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.claims.control.IssuePriority;
import dev.issuecommand.config.settings.DemoSettings;
import dev.issuecommand.config.settings.Settings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoGitHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private DemoGitHub github;

    @BeforeEach
    void start() {
        github = new DemoGitHub();
        github.settings = Settings.from(Map.of(DemoSettings.ARGUMENT_PROPERTY, "true")::get);
        github.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        github.init();
    }

    @Test
    void theTokenOwnerSeesThreeRepositories() throws Exception {
        assertThat(get("/user").path("login").asText()).isEqualTo("demo-user");
        JsonNode repos = get("/user/repos?sort=full_name&per_page=100");
        assertThat(names(repos, "full_name")).containsExactly("demo-org/api", "demo-org/web", "demo-org/docs");
        JsonNode api = get("/repos/demo-org/api");
        assertThat(api.path("html_url").asText()).isEqualTo("https://github.com/demo-org/api");
        assertThat(api.path("open_issues_count").asInt()).isEqualTo(8);
    }

    @Test
    void aboutTwentyOpenIssuesCarryThePriorityLabels() throws Exception {
        List<JsonNode> open = new ArrayList<>();
        for (String repo : List.of("api", "web", "docs")) {
            get("/repos/demo-org/" + repo + "/issues?state=open&per_page=100").forEach(open::add);
        }
        assertThat(open).hasSizeBetween(18, 24);
        assertThat(open).allSatisfy(issue -> {
            assertThat(issue.path("state").asText()).isEqualTo("open");
            assertThat(issue.path("title").asText()).isNotBlank();
            assertThat(issue.path("html_url").asText()).startsWith("https://github.com/demo-org/");
        });
        List<Integer> scores = open.stream().map(issue -> IssuePriority.score(StreamSupport.stream(
                issue.path("labels").spliterator(), false).map(l -> l.path("name").asText()).toList())).toList();
        assertThat(scores).contains(0, 1, 2);
    }

    @Test
    void labelAndMilestoneFiltersNarrowTheList() throws Exception {
        assertThat(names(get("/repos/demo-org/api/issues?state=open&labels=P0"), "title"))
                .containsExactly("Rate limiter lets bursts through after a restart");
        assertThat(names(get("/repos/demo-org/api/issues?state=open&labels=bug,p1"), "title"))
                .containsExactly("Return 422 instead of 500 for an unknown currency code");
        JsonNode inMilestone = get("/repos/demo-org/api/issues?state=open&milestone=1");
        assertThat(inMilestone).hasSize(2).allSatisfy(
                issue -> assertThat(issue.path("milestone").path("title").asText()).isEqualTo("v2.4"));
        assertThat(get("/repos/demo-org/api/issues?state=open&milestone=none")).hasSize(6);
    }

    @Test
    void longListsArePagedWithALinkHeader() throws Exception {
        HttpResponse<String> first = send("GET", "/repos/demo-org/api/issues?state=open&per_page=3");
        String next = first.headers().firstValue("Link").orElseThrow();
        assertThat(next).isEqualTo("<https://api.github.com/repos/demo-org/api/issues?state=open&per_page=3&page=2>;"
                + " rel=\"next\"");
        HttpResponse<String> last = send("GET", "/repos/demo-org/api/issues?state=open&per_page=3&page=3");
        assertThat(JSON.readTree(last.body())).hasSize(2);
        assertThat(last.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void anIssueHasItsCommentsAndCanBeClosed() throws Exception {
        JsonNode issue = get("/repos/demo-org/api/issues/101");
        assertThat(issue.path("number").asInt()).isEqualTo(101);
        assertThat(issue.path("user").path("login").asText()).isNotBlank();
        JsonNode comments = get("/repos/demo-org/api/issues/101/comments?per_page=100");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("body").asText()).contains("production");

        HttpResponse<String> closed = send("PATCH", "/repos/demo-org/api/issues/101");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).path("state").asText()).isEqualTo("closed");
        assertThat(names(get("/repos/demo-org/api/issues?state=open&per_page=100"), "number")).doesNotContain("101");
    }

    @Test
    void whatTheDemoDoesNotHaveIsNotFound() {
        assertThat(send("GET", "/repos/demo-org/api/issues/999").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/repos/acme/widgets").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/repos/acme/widgets/issues?state=open").statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/repos/demo-org/api/issues/999").statusCode()).isEqualTo(404);
    }

    @Test
    void newIssuesAppearEveryMinuteAndAtOnceWhenFewAreLeft() throws Exception {
        DemoBacklog backlog = github.backlog();
        assertThat(backlog.grow(NOW.plusSeconds(30))).isEmpty();
        assertThat(backlog.grow(NOW.plus(Duration.ofMinutes(1)))).hasValueSatisfying(issue -> {
            assertThat(issue.open()).isTrue();
            assertThat(issue.createdAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        });
        for (String repo : List.of("demo-org/api", "demo-org/web", "demo-org/docs")) {
            backlog.open(repo).forEach(issue -> backlog.close(repo, issue.number(), NOW));
        }
        assertThat(backlog.grow(NOW.plus(Duration.ofMinutes(1)))).isPresent();
        int pr = backlog.pullRequest("demo-org/api");
        assertThat(get("/repos/demo-org/api/issues/" + (pr - 1)).path("title").asText()).isNotBlank();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com" + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"state\":\"closed\"}"))
                .build();
        return github.exchange(request);
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
