package dev.issuecommand.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** What IssueCommand asks of GitHub, answered in our own records; GitHub's JSON never leaves this package. */
@ApplicationScoped
public class GitHubClient {

    @Inject
    GitHubHttp http;

    /** One issue (or pull request) with its metadata, without comments. */
    public GitHubIssue issue(RepoName repo, int number) {
        JsonObject json = http.get("/repos/" + repo.fullName() + "/issues/" + number).asJsonObject();
        return IssueJson.toIssue(repo, json);
    }

    /** One issue with every comment, paginated past 100. */
    public GitHubIssue issueWithComments(RepoName repo, int number) {
        GitHubIssue issue = issue(repo, number);
        List<IssueComment> comments = http.getAll("/repos/" + repo.fullName() + "/issues/" + number + "/comments")
                .stream().map(IssueJson::toComment).toList();
        return issue.withComments(comments);
    }

    /** Closes an issue ({@code AUTO_CLOSE_GITHUB_ISSUE}). */
    public void closeIssue(RepoName repo, int number) {
        http.patch("/repos/" + repo.fullName() + "/issues/" + number,
                jakarta.json.Json.createObjectBuilder().add("state", "closed").build());
    }

    static boolean isNull(JsonObject json, String key) {
        return !json.containsKey(key) || json.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
