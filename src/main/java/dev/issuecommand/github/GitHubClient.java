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

    /** Open issues of {@code repo} (pull requests included: callers filter), every page, optionally by label and milestone. */
    public List<GitHubIssue> openIssues(RepoName repo, String label, String milestone) {
        StringBuilder path = new StringBuilder("/repos/" + repo.fullName() + "/issues?state=open");
        if (label != null && !label.isBlank()) {
            path.append("&labels=").append(java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (milestone != null && !milestone.isBlank()) {
            path.append("&milestone=").append(java.net.URLEncoder.encode(milestone, java.nio.charset.StandardCharsets.UTF_8));
        }
        return http.getAll(path.toString()).stream().map(json -> IssueJson.toIssue(repo, json)).toList();
    }

    /** Every repository the token can see ({@code GET /user/repos}), used when {@code ALLOWED_REPOS} is empty. */
    public List<RepoName> accessibleRepos() {
        return http.getAll("/user/repos?sort=full_name").stream()
                .map(json -> RepoName.parse(json.getString("full_name", "")))
                .flatMap(java.util.Optional::stream)
                .toList();
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
