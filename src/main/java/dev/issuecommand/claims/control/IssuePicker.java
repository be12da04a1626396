package dev.issuecommand.claims.control;

import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.GitHubUnavailableException;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.problems.Refusal;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code next_issue} (docs/behaviour.md §4): the open, unclaimed issues of one repository or of every allowed one,
 * best first,
 * claimed in order until one is won. Issues taken by someone else meanwhile are skipped. Across every repository, one
 * that fails to list is skipped (and logged) as long as another one answers.
 */
@ApplicationScoped
public class IssuePicker {

    @Inject
    Claims claims;

    @Inject
    GitHubClient github;

    @Inject
    Database database;

    @Inject
    ClaimQueries queries;

    @Inject
    RepositoryPolicy repositories;

    @Inject
    Quarantines quarantines;

    /** Claims the best eligible issue for {@code agentId}; the result carries the {@code issue} on success. */
    public ClaimResult next(String agentId, Optional<RepoName> repo, String label, String milestone) {
        Optional<Refusal> outside = repo.flatMap(repositories::refusal);
        if (outside.isPresent()) {
            return ClaimResult.refused(outside.get());
        }
        for (GitHubIssue issue : candidates(repo, label, milestone)) {
            ClaimResult result = claims.claimIssue(agentId, issue);
            if (result.ok() && result.idempotent() == null) {
                return result.withIssue(issue);
            }
        }
        return ClaimResult.nothingEligible();
    }

    /** Open issues (no pull requests) neither claimed by anyone nor quarantined (behaviour.md §17), best first. */
    public List<GitHubIssue> candidates(Optional<RepoName> repo, String label, String milestone) {
        List<RepoName> repos = repo.map(List::of).orElseGet(repositories::inScope);
        List<GitHubIssue> open = new ArrayList<>();
        RuntimeException failure = null;
        int failed = 0;
        for (RepoName name : repos) {
            try {
                open.addAll(github.openIssues(name, label, milestone));
            } catch (GitHubUnavailableException | GitHubNotFoundException e) {
                if (repo.isPresent()) {
                    throw e;
                }
                failure = failure == null ? e : failure;
                failed++;
                JsonLog.warn("next_issue.repo_skipped", "repo", name.fullName(), "error", e.getMessage());
            }
        }
        if (failure != null && failed == repos.size()) {
            throw failure;
        }
        Set<String> taken = database.read(em -> {
            Set<String> keys = queries.active(em, new ClaimQueries.Filter(null, null, null)).stream()
                    .map(c -> GitHubIssue.key(c.repo(), c.issueNumber()))
                    .collect(Collectors.toCollection(HashSet::new));
            keys.addAll(quarantines.keys(em));
            return keys;
        });
        return open.stream()
                .filter(issue -> !issue.pullRequest() && issue.open())
                .filter(issue -> !taken.contains(issue.key()))
                .sorted(IssuePriority.ORDER)
                .toList();
    }
}
