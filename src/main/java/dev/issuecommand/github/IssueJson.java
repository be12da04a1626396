package dev.issuecommand.github;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** Translates GitHub's issue and comment JSON into {@link GitHubIssue} and {@link IssueComment}. */
final class IssueJson {

    private IssueJson() {
    }

    static GitHubIssue toIssue(RepoName repo, JsonObject json) {
        return new GitHubIssue(
                repo.fullName(),
                json.getInt("number"),
                json.getString("title", ""),
                text(json, "body"),
                json.getString("state", "open"),
                json.getString("html_url", ""),
                names(json, "labels", "name"),
                names(json, "assignees", "login"),
                GitHubClient.isNull(json, "milestone") ? null : json.getJsonObject("milestone").getString("title", null),
                GitHubClient.isNull(json, "user") ? null : json.getJsonObject("user").getString("login", null),
                text(json, "created_at"),
                text(json, "updated_at"),
                !GitHubClient.isNull(json, "pull_request"),
                null);
    }

    static IssueComment toComment(JsonObject json) {
        return new IssueComment(
                GitHubClient.isNull(json, "user") ? null : json.getJsonObject("user").getString("login", null),
                text(json, "body"),
                text(json, "created_at"),
                text(json, "html_url"));
    }

    private static String text(JsonObject json, String key) {
        return GitHubClient.isNull(json, key) ? null : json.getString(key, null);
    }

    private static List<String> names(JsonObject json, String arrayKey, String nameKey) {
        if (GitHubClient.isNull(json, arrayKey)) {
            return List.of();
        }
        return json.getJsonArray(arrayKey).stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(v -> v.asJsonObject().getString(nameKey, null))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
