package dev.issuecommand.github;

/**
 * A repository as IssueCommand sees it, translated from GitHub's JSON. {@code openIssuesCount} is GitHub's own
 * counter, which includes open pull requests.
 */
public record GitHubRepo(String fullName, String owner, String name, String url, String description,
        boolean isPrivate, int openIssuesCount) {
}
