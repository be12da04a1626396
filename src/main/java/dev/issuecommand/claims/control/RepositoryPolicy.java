package dev.issuecommand.claims.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
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
import java.util.Optional;

/**
 * The repository allow-list ({@code ALLOWED_REPOS}, docs/behaviour.md §2): which repositories agents may work on and
 * which ones are in scope, for every door (claims, next issue and next work, webhooks, the repository and issue
 * routes, the MCP tools). A repository outside it is refused with one {@link Refusal}: {@code invalid_repo} (403),
 * "Repository o/r is not in ALLOWED_REPOS". An agent key that names repositories narrows the list further for its
 * agent (docs/behaviour.md §14); the server's own work (sweeps, sync at start or on schedule, webhooks) is not
 * narrowed.
 */
@ApplicationScoped
public class RepositoryPolicy {

    @Inject
    Settings settings;

    @Inject
    GitHubClient github;

    @Inject
    Callers callers;

    /**
     * True when {@code ALLOWED_REPOS} is empty or names {@code fullName}, compared case-insensitively, and the
     * caller's key (if it names repositories) names it too.
     */
    public boolean allows(String fullName) {
        return settings.allowListAdmits(fullName)
                && callers.current().map(caller -> caller.permits(fullName)).orElse(true);
    }

    /** The refusal for a repository outside {@code ALLOWED_REPOS} or the caller's key; empty when it may work on it. */
    public Optional<Refusal> refusal(RepoName repo) {
        if (!settings.allowListAdmits(repo.fullName())) {
            return Optional.of(new Refusal(Reason.INVALID_REPO, "Repository " + repo + " is not in ALLOWED_REPOS"));
        }
        return keyRefusal(repo);
    }

    /**
     * The refusal for a repository outside the caller's agent key, whatever {@code ALLOWED_REPOS} says: for changes
     * to work already taken, which a change of {@code ALLOWED_REPOS} does not take away.
     */
    public Optional<Refusal> keyRefusal(RepoName repo) {
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty() || caller.get().permits(repo.fullName())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Reason.INVALID_REPO, "Repository " + repo + " is not among the repositories of "
                + "the key of agent " + caller.get().agentId()));
    }

    /** For reads, which have no result to carry {@link #refusal}: throws it. */
    public void requireAllowed(RepoName repo) {
        refusal(repo).ifPresent(refused -> {
            throw refused.asException();
        });
    }

    /**
     * The repositories in scope: those {@code ALLOWED_REPOS} names, or (when empty) every one the token can see; for an
     * agent key naming repositories, those of them it names.
     */
    public List<RepoName> inScope() {
        return named().orElseGet(() -> github.accessibleRepos()).stream()
                .filter(repo -> allows(repo.fullName())).toList();
    }

    /** {@link #inScope} with each repository's metadata; a named one GitHub does not show is left out (and logged). */
    public List<GitHubRepo> inScopeDescribed() {
        Optional<List<RepoName>> named = named();
        if (named.isEmpty()) {
            return github.repositories().stream().filter(repo -> allows(repo.fullName())).toList();
        }
        List<GitHubRepo> repos = new ArrayList<>();
        for (RepoName name : named.get().stream().filter(repo -> allows(repo.fullName())).toList()) {
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
