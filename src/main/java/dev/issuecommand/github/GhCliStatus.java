package dev.issuecommand.github;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says once at start whether the optional {@code gh} CLI is installed and logged in ({@code github.gh.available} /
 * {@code github.gh.unavailable}, docs/behaviour.md §2) and where the token in use came from. The token itself is
 * never logged.
 */
@ApplicationScoped
public class GhCliStatus {

    private final AtomicBoolean reported = new AtomicBoolean();

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!settings.demo() && reported.compareAndSet(false, true)) {
            executor.execute(this::report);
        }
    }

    private void report() {
        String token = ghToken();
        if (token == null) {
            JsonLog.info("github.gh.unavailable", "message", "gh CLI not installed or not logged in",
                    "token_source", "GITHUB_TOKEN");
        } else {
            boolean same = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    settings.githubToken().getBytes(StandardCharsets.UTF_8));
            JsonLog.info("github.gh.available", "message", "gh CLI is logged in",
                    "token_source", same ? "gh auth token" : "GITHUB_TOKEN");
        }
    }

    private static String ghToken() {
        try {
            Process gh = new ProcessBuilder("gh", "auth", "token")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!gh.waitFor(5, TimeUnit.SECONDS)) {
                gh.destroyForcibly();
                return null;
            }
            String token = new String(gh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return gh.exitValue() == 0 && !token.isEmpty() ? token : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
