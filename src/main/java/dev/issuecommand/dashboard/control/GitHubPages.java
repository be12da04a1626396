package dev.issuecommand.dashboard.control;

import java.net.URI;

/**
 * Where people read GitHub: the web address matching {@code GITHUB_API_URL} ({@code api.github.com} →
 * {@code github.com}; GitHub Enterprise Server's {@code https://host/api/v3} → {@code https://host}); github.com for
 * anything else (a test double, the demo).
 */
final class GitHubPages {

    private static final String GITHUB = "https://github.com";
    private static final String ENTERPRISE_API = "/api/v3";

    private GitHubPages() {
    }

    /** The web page of issue {@code number} of {@code repo}. */
    static String issueUrl(String githubApiUrl, String repo, int number) {
        return site(githubApiUrl) + "/" + repo + "/issues/" + number;
    }

    static String site(String githubApiUrl) {
        URI api = URI.create(githubApiUrl);
        String path = api.getPath() == null ? "" : api.getPath().replaceAll("/+$", "");
        if ("https".equals(api.getScheme()) && path.equals(ENTERPRISE_API)) {
            return "https://" + api.getRawAuthority();
        }
        return GITHUB;
    }
}
