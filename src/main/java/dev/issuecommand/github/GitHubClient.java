package dev.issuecommand.github;

import dev.issuecommand.config.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What IssueCommand asks of GitHub, answered in our own records; GitHub's JSON never leaves this package. */
@ApplicationScoped
public class GitHubClient {

    /** What GitHub's {@code milestone} query parameter accepts; anything else is matched against milestone titles here. */
    private static final Pattern MILESTONE_PARAMETER = Pattern.compile("\\d+|\\*|none", Pattern.CASE_INSENSITIVE);

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

    /**
     * Open issues of {@code repo} (pull requests included: callers filter), every page, optionally by label and
     * milestone. A milestone number, {@code *} or {@code none} goes to GitHub; a title is matched here, ignoring case.
     */
    public List<GitHubIssue> openIssues(RepoName repo, String label, String milestone) {
        StringBuilder path = new StringBuilder("/repos/" + repo.fullName() + "/issues?state=open");
        if (label != null && !label.isBlank()) {
            path.append("&labels=").append(URLEncoder.encode(label.strip(), StandardCharsets.UTF_8));
        }
        boolean byTitle = milestone != null && !milestone.isBlank() && !MILESTONE_PARAMETER.matcher(milestone.strip()).matches();
        if (milestone != null && !milestone.isBlank() && !byTitle) {
            path.append("&milestone=").append(URLEncoder.encode(milestone.strip().toLowerCase(Locale.ROOT),
                    StandardCharsets.UTF_8));
        }
        List<GitHubIssue> issues = http.getAll(path.toString()).stream().map(json -> IssueJson.toIssue(repo, json)).toList();
        if (byTitle) {
            return issues.stream().filter(i -> i.milestone() != null && i.milestone().equalsIgnoreCase(milestone.strip()))
                    .toList();
        }
        return issues;
    }

    /** One repository's metadata ({@code GET /repos/o/r}). */
    public GitHubRepo repository(RepoName repo) {
        return toRepo(http.get("/repos/" + repo.fullName()).asJsonObject()).orElseThrow(
                () -> new GitHubUnavailableException("GitHub answered an unexpected document for " + repo, 502));
    }

    /** Every repository the token can see ({@code GET /user/repos}, every page), used when {@code ALLOWED_REPOS} is empty. */
    public List<GitHubRepo> repositories() {
        return http.getAll("/user/repos?sort=full_name").stream().map(GitHubClient::toRepo).flatMap(Optional::stream)
                .toList();
    }

    /** The names of every repository the token can see. */
    public List<RepoName> accessibleRepos() {
        return repositories().stream().map(r -> RepoName.parse(r.fullName())).flatMap(Optional::stream).toList();
    }

    /** Closes an issue ({@code AUTO_CLOSE_GITHUB_ISSUE}). */
    public void closeIssue(RepoName repo, int number) {
        http.patch("/repos/" + repo.fullName() + "/issues/" + number, JsonFactories.objectBuilder().add("state", "closed").build());
    }

    /** Every comment on an issue with its id, to find one again by its text; paginated past 100. */
    public List<PostedComment> postedComments(RepoName repo, int number) {
        return http.getAll(issuePath(repo, number) + "/comments").stream()
                .map(json -> new PostedComment(json.getJsonNumber("id").longValue(), json.getString("body", "")))
                .toList();
    }

    /** Comments on an issue and answers the new comment's id; sent once, never retried, so never posted twice. */
    public long createComment(RepoName repo, int number, String body) {
        JsonObject created = http.postOnce(issuePath(repo, number) + "/comments",
                JsonFactories.objectBuilder().add("body", body).build()).asJsonObject();
        if (!created.containsKey("id") || created.get("id").getValueType() != JsonValue.ValueType.NUMBER) {
            throw new GitHubUnavailableException("GitHub answered an unexpected document for a new comment", 502);
        }
        return created.getJsonNumber("id").longValue();
    }

    /** Replaces the body of comment {@code commentId}. */
    public void editComment(RepoName repo, long commentId, String body) {
        http.patch("/repos/" + repo.fullName() + "/issues/comments/" + commentId,
                JsonFactories.objectBuilder().add("body", body).build());
    }

    /** Adds {@code label} to an issue (GitHub creates the label in the repository if it has none of that name). */
    public void addLabel(RepoName repo, int number, String label) {
        http.post(issuePath(repo, number) + "/labels",
                JsonFactories.objectBuilder().add("labels", JsonFactories.arrayBuilder().add(label)).build());
    }

    /** Removes {@code label} from an issue; {@link GitHubNotFoundException} when the issue does not carry it. */
    public void removeLabel(RepoName repo, int number, String label) {
        http.delete(issuePath(repo, number) + "/labels/"
                + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String issuePath(RepoName repo, int number) {
        return "/repos/" + repo.fullName() + "/issues/" + number;
    }

    private static Optional<GitHubRepo> toRepo(JsonObject json) {
        Optional<RepoName> name = RepoName.parse(json.getString("full_name", ""));
        return name.map(n -> new GitHubRepo(n.fullName(), n.owner(), n.name(),
                json.getString("html_url", "https://github.com/" + n.fullName()),
                isNull(json, "description") ? null : json.getString("description", null),
                json.getBoolean("private", false),
                isNull(json, "open_issues_count") ? 0 : json.getInt("open_issues_count", 0)));
    }

    static boolean isNull(JsonObject json, String key) {
        return !json.containsKey(key) || json.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
