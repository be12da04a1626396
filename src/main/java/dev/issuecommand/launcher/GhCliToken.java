package dev.issuecommand.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Asks the optional {@code gh} CLI for its token ({@code gh auth token}) when {@code GITHUB_TOKEN} is unset
 * (docs/behaviour.md §2).
 */
final class GhCliToken {

    private GhCliToken() {
    }

    /** The token, or null when gh is missing, not logged in, or slow. Says on stderr which it was, never the token. */
    static String discover() {
        try {
            Process gh = new ProcessBuilder("gh", "auth", "token")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!gh.waitFor(5, TimeUnit.SECONDS)) {
                gh.destroyForcibly();
                return report(null);
            }
            String token = new String(gh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return report(gh.exitValue() == 0 && !token.isEmpty() ? token : null);
        } catch (IOException e) {
            return report(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(null);
        }
    }

    private static String report(String token) {
        if (token != null) {
            LauncherLog.info("github.gh.available", "message", "GITHUB_TOKEN taken from gh auth token");
        } else {
            LauncherLog.info("github.gh.unavailable", "message", "gh CLI not available or not logged in");
        }
        return token;
    }
}
