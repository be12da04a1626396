package dev.issuecommand.demo.control;

import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.demo.entity.DemoComment;
import dev.issuecommand.demo.entity.DemoIssue;
import dev.issuecommand.demo.entity.DemoRepo;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The demo's issues, comments, repositories and user in the JSON shapes of GitHub's REST API. */
final class GitHubShapes {

    static final String WEB = "https://github.com/";
    static final String API = "https://api.github.com/";
    /** The login of the demo's token owner ({@code GET /user}). */
    static final String TOKEN_OWNER = "demo-user";

    private GitHubShapes() {
    }

    static JsonObject issue(DemoIssue issue) {
        String path = "repos/" + issue.repo() + "/issues/" + issue.number();
        JsonArrayBuilder labels = JsonFactories.arrayBuilder();
        issue.labels().forEach(label -> labels.add(JsonFactories.objectBuilder().add("name", label)
                .add("color", label.toLowerCase(java.util.Locale.ROOT).startsWith("p") ? "b60205" : "0e8a16")));
        JsonObjectBuilder json = JsonFactories.objectBuilder()
                .add("id", Math.abs((long) issue.repo().hashCode()) * 10_000 + issue.number())
                .add("number", issue.number())
                .add("title", issue.title())
                .add("body", issue.body())
                .add("state", issue.open() ? "open" : "closed")
                .add("url", API + path)
                .add("html_url", WEB + issue.repo() + "/issues/" + issue.number())
                .add("labels", labels)
                .add("assignees", JsonValue.EMPTY_JSON_ARRAY)
                .add("user", user(issue.author()))
                .add("comments", issue.comments().size())
                .add("created_at", time(issue.createdAt()))
                .add("updated_at", time(issue.open() ? issue.createdAt() : issue.closedAt()));
        json.add("milestone", issue.milestone() == null ? JsonValue.NULL
                : JsonFactories.objectBuilder().add("number", 1).add("title", issue.milestone()).add("state", "open")
                        .build());
        json.add("closed_at", issue.open() ? JsonValue.NULL : JsonFactories.string(time(issue.closedAt())));
        return json.build();
    }

    static JsonObject comment(DemoIssue issue, DemoComment comment) {
        return JsonFactories.objectBuilder()
                .add("id", comment.id())
                .add("user", user(comment.author()))
                .add("body", comment.body())
                .add("created_at", time(comment.createdAt()))
                .add("updated_at", time(comment.createdAt()))
                .add("html_url", WEB + issue.repo() + "/issues/" + issue.number() + "#issuecomment-" + comment.id())
                .build();
    }

    static JsonObject repository(DemoRepo repo, int openIssues) {
        String[] parts = repo.fullName().split("/", 2);
        return JsonFactories.objectBuilder()
                .add("id", repo.id())
                .add("name", parts[1])
                .add("full_name", repo.fullName())
                .add("owner", JsonFactories.objectBuilder().add("login", parts[0]).add("type", "Organization"))
                .add("private", false)
                .add("html_url", WEB + repo.fullName())
                .add("description", repo.description())
                .add("default_branch", "main")
                .add("open_issues_count", openIssues)
                .build();
    }

    static JsonObject user(String login) {
        return JsonFactories.objectBuilder().add("login", login).add("id", Math.abs((long) login.hashCode()))
                .add("type", "User").build();
    }

    static JsonObject notFound() {
        return JsonFactories.objectBuilder().add("message", "Not Found")
                .add("documentation_url", "https://docs.github.com/rest").build();
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
