package dev.issuecommand.claims.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.GitHubRepo;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The repository allow-list ({@code ALLOWED_REPOS}, docs/behaviour.md §2): which repositories agents may work on and
 * which ones are in scope, for every door (claims, next issue and next work, webhooks, the repository and issue
 * routes, the MCP tools). A repository outside it is refused with one {@link Refusal}: {@code invalid_repo} (403),
 * "Repository o/r is not in ALLOWED_REPOS".
 */
@ApplicationScoped
public class RepositoryPolicy {

    @Inject
    Settings settings;

    @Inject
    GitHubClient github;

    /** True when {@code ALLOWED_REPOS} is empty or names {@code fullName}, compared case-insensitively. */
    public boolean allows(String fullName) {
        List<String> allowed = settings.allowedRepos();
        return allowed.isEmpty() || allowed.contains(fullName.toLowerCase(Locale.ROOT));
    }

    /** The refusal for a repository outside {@code ALLOWED_REPOS}; empty when agents may work on it. */
    public Optional<Refusal> refusal(RepoName repo) {
        if (allows(repo.fullName())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Reason.INVALID_REPO, "Repository " + repo + " is not in ALLOWED_REPOS"));
    }

    /** For reads, which have no result to carry {@link #refusal}: throws it. */
    public void requireAllowed(RepoName repo) {
        refusal(repo).ifPresent(refused -> {
            throw refused.asException();
        });
    }

    /** The repositories in scope: those {@code ALLOWED_REPOS} names, or (when empty) every one the token can see. */
    public List<RepoName> inScope() {
        return named().orElseGet(() -> github.accessibleRepos());
    }

    /** {@link #inScope} with each repository's metadata; a named one GitHub does not show is left out (and logged). */
    public List<GitHubRepo> inScopeDescribed() {
        Optional<List<RepoName>> named = named();
        if (named.isEmpty()) {
            return github.repositories();
        }
        List<GitHubRepo> repos = new ArrayList<>();
        for (RepoName name : named.get()) {
            try {
                repos.add(github.repository(name));
            } catch (GitHubNotFoundException e) {
                JsonLog.warn("repos.not_found", "repo", name.fullName(),
                        "message", "ALLOWED_REPOS names a repository GitHub does not show");
            }
        }
        return repos;
    }

    private Optional<List<RepoName>> named() {
        List<String> allowed = settings.allowedRepos();
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(allowed.stream().map(r -> RepoName.parse(r).orElseThrow()).toList());
    }
}
