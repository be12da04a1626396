package dev.issuecommand.requests;

import dev.issuecommand.github.RepoName;

/**
 * One issue: the path of {@code GET /api/issues/:owner/:repo/:number} (where the number is called {@code number}) and
 * the arguments of {@code get_issue_details} (where it is {@code issue_number}).
 */
public record IssueRef(RepoName repo, int number) {

    public static IssueRef from(JsonBody arguments) {
        return bind(arguments, "issue_number");
    }

    public static IssueRef fromPath(String owner, String repo, String number) {
        return bind(JsonBody.ofQuery("repo", owner + "/" + repo, "number", number), "number");
    }

    private static IssueRef bind(JsonBody fields, String numberField) {
        return new IssueRef(fields.requiredRepo("repo"), fields.requiredPositiveInt(numberField));
    }
}
