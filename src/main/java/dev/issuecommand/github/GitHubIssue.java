package dev.issuecommand.github;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issue as IssueCommand shows it, translated from GitHub's JSON; {@code comments} only on the detail route. */
@Schema(name = "Issue", description = "A GitHub issue")
public record GitHubIssue(
        @Schema(name = "repo") String repo,
        @Schema(name = "number") int number,
        @Schema(name = "title") String title,
        @Schema(name = "body") String body,
        @Schema(name = "state") String state,
        @Schema(name = "url") String url,
        @Schema(name = "labels") List<String> labels,
        @Schema(name = "assignees") List<String> assignees,
        @Schema(name = "milestone") String milestone,
        @Schema(name = "author") String author,
        @Schema(name = "created_at", format = "date-time") String createdAt,
        @Schema(name = "updated_at", format = "date-time") String updatedAt,
        @Schema(name = "pull_request") boolean pullRequest,
        @Schema(name = "comments", description = "Only on GET /api/issues/{owner}/{repo}/{number}")
        List<IssueComment> comments) {

    /** How IssueCommand tells issues apart: {@code owner/name#number}, the repository in lower case. */
    public static String key(String repo, int number) {
        return repo.toLowerCase(java.util.Locale.ROOT) + "#" + number;
    }

    public String key() {
        return key(repo, number);
    }

    public boolean open() {
        return "open".equalsIgnoreCase(state);
    }

    public GitHubIssue withComments(List<IssueComment> newComments) {
        return new GitHubIssue(repo, number, title, body, state, url, labels, assignees, milestone, author,
                createdAt, updatedAt, pullRequest, newComments);
    }
}
