package dev.issuecommand.github;

import java.util.List;

/** An issue as IssueCommand shows it, translated from GitHub's JSON; {@code comments} only on the detail route. */
public record GitHubIssue(
        String repo,
        int number,
        String title,
        String body,
        String state,
        String url,
        List<String> labels,
        List<String> assignees,
        String milestone,
        String author,
        String createdAt,
        String updatedAt,
        boolean pullRequest,
        List<IssueComment> comments) {

    public boolean open() {
        return "open".equalsIgnoreCase(state);
    }

    public GitHubIssue withComments(List<IssueComment> newComments) {
        return new GitHubIssue(repo, number, title, body, state, url, labels, assignees, milestone, author,
                createdAt, updatedAt, pullRequest, newComments);
    }
}
