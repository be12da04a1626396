package dev.issuecommand.mcp.boundary;

import static dev.issuecommand.mcp.control.Schemas.AGENT_ID;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_RESULT;
import static dev.issuecommand.mcp.control.Schemas.ISSUE;
import static dev.issuecommand.mcp.control.Schemas.ISSUE_NUMBER;
import static dev.issuecommand.mcp.control.Schemas.LABEL;
import static dev.issuecommand.mcp.control.Schemas.MILESTONE;
import static dev.issuecommand.mcp.control.Schemas.REPO;
import static dev.issuecommand.mcp.control.Schemas.WAIT_SECONDS;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.requests.IssueListQuery;
import dev.issuecommand.requests.IssueRef;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.WorkRequest;
import dev.issuecommand.waiting.control.WaitForWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The issue tools that read GitHub: {@code next_issue}, {@code list_open_issues}, {@code get_issue_details}. */
@ApplicationScoped
public class IssueTools implements ToolGroup {

    private static final Map<String, Object> ISSUE_LIST = Schemas.object(Schemas.props("issues", Schemas.array(ISSUE)),
            List.of("issues"));
    private static final Map<String, Object> ISSUE_DETAILS = Schemas.object(Schemas.props("issue", ISSUE),
            List.of("issue"));

    @Inject
    WaitForWork work;

    @Inject
    Repositories repositories;

    @Override
    public List<Tool> tools() {
        return List.of(nextIssue(), openIssues(), issueDetails());
    }

    private Tool nextIssue() {
        return new Tool("next_issue", "Claim the next issue",
                "Claim the most important open issue nobody has claimed, in one call, when you are free for new work "
                        + "and were not given a specific issue. Order: priority labels first (p0, critical, high, "
                        + "then p1, medium), then the oldest issue. Pull requests and claimed issues are skipped. "
                        + "Answers ok:true with the claim and the issue; ok:false with reason invalid_issue when "
                        + "nothing is eligible. Without repo it looks at every allowed repository. Each call claims "
                        + "another issue, so call it once per task. With wait_seconds it waits for an issue to "
                        + "appear when none is eligible.",
                InputSchema.arguments().required("agent_id", AGENT_ID)
                        .optional("repo", REPO)
                        .optional("label", LABEL).optional("milestone", MILESTONE)
                        .optional("wait_seconds", WAIT_SECONDS).build(),
                CLAIM_RESULT, new ToolHints(false, false, false, true), this::next);
    }

    private Object next(JsonBody args) {
        return work.nextIssue(WorkRequest.from(args));
    }

    private Tool openIssues() {
        return new Tool("list_open_issues", "List claimable issues",
                "List the open issues of a repository that nobody has claimed (pull requests left out), most "
                        + "important first. Call it when you want to look around before choosing; it claims nothing, "
                        + "so follow up with claim_issue for the one you pick.",
                InputSchema.arguments().required("repo", REPO).optional("label", LABEL)
                        .optional("milestone", MILESTONE).build(),
                ISSUE_LIST, ToolHints.READS_GITHUB, this::candidates);
    }

    private Object candidates(JsonBody args) {
        IssueListQuery query = IssueListQuery.from(args);
        return Map.of("issues", repositories.openIssues(query.repo(), query.label(), query.milestone()));
    }

    private Tool issueDetails() {
        return new Tool("get_issue_details", "Read an issue",
                "Read one issue in full: title, body, labels, assignees, milestone and every comment. Call it when "
                        + "you start working on an issue you claimed, or when judging whether to claim one.",
                InputSchema.arguments().required("repo", REPO).required("issue_number", ISSUE_NUMBER).build(),
                ISSUE_DETAILS, ToolHints.READS_GITHUB, this::details);
    }

    private Object details(JsonBody args) {
        IssueRef issue = IssueRef.from(args);
        RepoName repo = issue.repo();
        int number = issue.number();
        try {
            return Map.of("issue", repositories.issue(repo, number));
        } catch (GitHubNotFoundException e) {
            throw ApiException.notFound("Issue " + repo + "#" + number + " was not found on GitHub");
        }
    }
}
