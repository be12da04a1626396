package dev.issuecommand.github;

import dev.issuecommand.logging.JsonLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The login of the user behind {@code GITHUB_TOKEN} ({@code GET /user}), learned once in the background. While
 * GitHub cannot be reached the login stays unknown and the lookup is tried again, at most once a minute.
 */
@ApplicationScoped
public class TokenOwner {

    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    @Inject
    GitHubHttp http;

    @Inject
    Clock clock;

    private volatile String login;
    private CompletableFuture<Void> lookup;
    private long lastAttempt;

    /** Starts a lookup unless the login is known, one is running, or the last failure was under a minute ago. */
    public synchronized CompletableFuture<Void> refresh() {
        if (login != null) {
            return CompletableFuture.completedFuture(null);
        }
        if (lookup != null && (!lookup.isDone() || clock.millis() - lastAttempt < RETRY_AFTER.toMillis())) {
            return lookup;
        }
        lastAttempt = clock.millis();
        lookup = CompletableFuture.runAsync(this::fetch, executor());
        return lookup;
    }

    /** The login, waiting at most {@code wait} for a lookup in flight; empty while unknown. */
    public Optional<String> login(Duration wait) {
        if (login == null) {
            try {
                refresh().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.ofNullable(login);
    }

    private void fetch() {
        try {
            JsonStructure user = http.get("/user");
            if (user instanceof JsonObject json && !json.getString("login", "").isBlank()) {
                login = json.getString("login");
                JsonLog.info("github.token_owner", "login", login);
            }
        } catch (GitHubUnavailableException | GitHubNotFoundException e) {
            JsonLog.warn("github.token_owner.unknown", "reason", e.getMessage());
        }
    }

    private static Executor executor() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            return ForkJoinPool.commonPool();
        }
    }
}
