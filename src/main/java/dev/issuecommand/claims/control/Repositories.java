package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.RepoSummary;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.GitHubRepo;
import dev.issuecommand.github.RepoName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The repository and issue facade (docs/behaviour.md §8: {@code /api/repos}, {@code /api/repos/:o/:r/issues},
 * {@code /api/issues/:o/:r/:n}; MCP {@code list_repos}, {@code list_open_issues}, {@code get_issue_details}).
 * {@link RepositoryPolicy} decides which repositories these cover.
 */
@ApplicationScoped
public class Repositories {

    @Inject
    RepositoryPolicy policy;

    @Inject
    GitHubClient github;

    @Inject
    IssuePicker picker;

    /** The repositories in scope; with open issue counts (pull requests left out) when asked. */
    public List<RepoSummary> list(boolean includeCounts) {
        return policy.inScopeDescribed().stream().map(repo -> summary(repo, includeCounts)).toList();
    }

    /** Open, unclaimed issues of {@code repo} (no pull requests), best first. */
    public List<GitHubIssue> openIssues(RepoName repo, String label, String milestone) {
        policy.requireAllowed(repo);
        return picker.candidates(Optional.of(repo), label, milestone);
    }

    /** One issue with all its comments; {@code GitHubNotFoundException} when GitHub has none. */
    public GitHubIssue issue(RepoName repo, int number) {
        policy.requireAllowed(repo);
        return github.issueWithComments(repo, number);
    }

    private RepoSummary summary(GitHubRepo repo, boolean includeCounts) {
        Integer count = null;
        if (includeCounts) {
            RepoName name = RepoName.parse(repo.fullName()).orElseThrow();
            count = (int) github.openIssues(name, null, null).stream().filter(issue -> !issue.pullRequest()).count();
        }
        return new RepoSummary(repo.fullName(), repo.owner(), repo.name(), repo.url(), repo.description(),
                repo.isPrivate(), count);
    }
}
