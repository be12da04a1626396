package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.RepoNotAllowedException;
import dev.issuecommand.claims.entity.RepoSummary;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.GitHubRepo;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.logging.JsonLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository and issue facade (SPEC §8: {@code /api/repos}, {@code /api/repos/:o/:r/issues},
 * {@code /api/issues/:o/:r/:n}; MCP {@code list_repos}, {@code list_open_issues}, {@code get_issue_details}).
 * {@code ALLOWED_REPOS} is enforced here.
 */
@ApplicationScoped
public class Repositories {

    @Inject
    Settings settings;

    @Inject
    GitHubClient github;

    @Inject
    IssuePicker picker;

    /** The allowed repositories, or every one the token can see; with open issue counts (pull requests left out) when asked. */
    public List<RepoSummary> list(boolean includeCounts) {
        List<GitHubRepo> repos = new ArrayList<>();
        if (settings.allowedRepos().isEmpty()) {
            repos.addAll(github.repositories());
        } else {
            for (String allowed : settings.allowedRepos()) {
                RepoName name = RepoName.parse(allowed).orElseThrow();
                try {
                    repos.add(github.repository(name));
                } catch (GitHubNotFoundException e) {
                    JsonLog.warn("repos.not_found", "repo", allowed, "message", "ALLOWED_REPOS names a repository GitHub does not show");
                }
            }
        }
        return repos.stream().map(repo -> summary(repo, includeCounts)).toList();
    }

    /** Open, unclaimed issues of {@code repo} (no pull requests), best first. */
    public List<GitHubIssue> openIssues(RepoName repo, String label, String milestone) {
        requireAllowed(repo);
        return picker.candidates(Optional.of(repo), label, milestone);
    }

    /** One issue with all its comments; {@code GitHubNotFoundException} when GitHub has none. */
    public GitHubIssue issue(RepoName repo, int number) {
        requireAllowed(repo);
        return github.issueWithComments(repo, number);
    }

    /** Throws {@link RepoNotAllowedException} for a repository outside {@code ALLOWED_REPOS}. */
    public void requireAllowed(RepoName repo) {
        if (!settings.allowsRepo(repo.fullName())) {
            throw new RepoNotAllowedException(repo.fullName());
        }
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
