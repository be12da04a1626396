package dev.issuecommand.demo.control;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.github.GitHubStandIn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's GitHub (docs/behaviour.md §16), in this process: answers every request of the {@code github} client from
 * the {@link DemoBacklog}, in GitHub's JSON shapes, with {@code Link} pagination. No socket, no port.
 */
@ApplicationScoped
public class DemoGitHub implements GitHubStandIn {

    private static final Pattern REPO = Pattern.compile("/repos/([^/]+/[^/]+)");
    private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+/[^/]+)/issues");
    private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)");
    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private DemoBacklog backlog;
    private String basePath;

    @PostConstruct
    void init() {
        backlog = new DemoBacklog(clock.instant());
        basePath = URI.create(settings.githubApiUrl()).getPath();
    }

    /** The issues behind the answers, for the simulated agents and the new issues. */
    public DemoBacklog backlog() {
        return backlog;
    }

    @Override
    public HttpResponse<String> exchange(HttpRequest request) {
        String path = request.uri().getPath().substring(basePath.length());
        DemoQuery query = DemoQuery.of(request.uri());
        DemoReplies replies = new DemoReplies(backlog, request, query);
        if (request.method().equals("PATCH")) {
            Matcher issue = ISSUE.matcher(path);
            return issue.matches() ? replies.close(issue.group(1), Integer.parseInt(issue.group(2)), clock.instant())
                    : replies.notFound();
        }
        if (!request.method().equals("GET")) {
            return replies.notFound();
        }
        if (path.equals("/user")) {
            return replies.one(GitHubShapes.user(GitHubShapes.TOKEN_OWNER));
        }
        if (path.equals("/user/repos")) {
            return replies.repositories();
        }
        Matcher m;
        if ((m = COMMENTS.matcher(path)).matches()) {
            return replies.comments(m.group(1), Integer.parseInt(m.group(2)));
        }
        if ((m = ISSUE.matcher(path)).matches()) {
            return replies.issue(m.group(1), Integer.parseInt(m.group(2)));
        }
        if ((m = ISSUES.matcher(path)).matches()) {
            return replies.openIssues(m.group(1));
        }
        if ((m = REPO.matcher(path)).matches()) {
            return replies.repository(m.group(1));
        }
        return replies.notFound();
    }
}
