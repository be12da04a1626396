package dev.issuecommand.demo.control;

import dev.issuecommand.config.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The demo GitHub's answers to one request, read from the {@link DemoBacklog}. */
final class DemoReplies {

    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;

    private final DemoBacklog backlog;
    private final HttpRequest request;
    private final DemoQuery query;

    DemoReplies(DemoBacklog backlog, HttpRequest request, DemoQuery query) {
        this.backlog = backlog;
        this.request = request;
        this.query = query;
    }

    DemoAnswer repositories() {
        return page(backlog.repos().stream()
                .map(repo -> GitHubShapes.repository(repo, backlog.open(repo.fullName()).size())).toList());
    }

    DemoAnswer repository(String fullName) {
        return backlog.repo(fullName).map(repo -> one(GitHubShapes.repository(repo, backlog.open(fullName).size())))
                .orElseGet(this::notFound);
    }

    DemoAnswer issue(String repo, int number) {
        return backlog.issue(repo, number).map(issue -> one(GitHubShapes.issue(issue))).orElseGet(this::notFound);
    }

    DemoAnswer comments(String repo, int number) {
        return backlog.issue(repo, number)
                .map(issue -> page(issue.comments().stream().map(c -> GitHubShapes.comment(issue, c)).toList()))
                .orElseGet(this::notFound);
    }

    /** {@code state=open} with GitHub's {@code labels} (every one must match) and {@code milestone} filters. */
    DemoAnswer openIssues(String repo) {
        if (backlog.repo(repo).isEmpty()) {
            return notFound();
        }
        Set<String> labels = Arrays.stream(query.get("labels", "").split(",")).map(String::strip)
                .filter(label -> !label.isEmpty()).map(DemoReplies::lower).collect(Collectors.toSet());
        String milestone = lower(query.get("milestone", "*"));
        return page(backlog.open(repo).stream()
                .filter(issue -> issue.labels().stream().map(DemoReplies::lower).collect(Collectors.toSet())
                        .containsAll(labels))
                .filter(issue -> switch (milestone) {
                    case "*" -> true;
                    case "none" -> issue.milestone() == null;
                    default -> issue.milestone() != null && milestone.equals("1");
                })
                .map(GitHubShapes::issue).toList());
    }

    DemoAnswer close(String repo, int number, Instant at) {
        if (!backlog.close(repo, number, at)) {
            return notFound();
        }
        return issue(repo, number);
    }

    DemoAnswer one(JsonObject json) {
        return DemoAnswer.json(request, 200, json.toString(), Map.of());
    }

    DemoAnswer notFound() {
        return DemoAnswer.json(request, 404, GitHubShapes.notFound().toString(), Map.of());
    }

    /** One page of {@code items} as {@code per_page} and {@code page} ask, with {@code Link: rel="next"} if more. */
    private DemoAnswer page(List<JsonObject> items) {
        int perPage = query.number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        int page = query.number("page", 1, Integer.MAX_VALUE);
        long from = (long) (page - 1) * perPage;
        JsonArrayBuilder array = JsonFactories.arrayBuilder();
        items.stream().skip(from).limit(perPage).forEach(array::add);
        Map<String, String> headers = from + perPage < items.size()
                ? Map.of("Link", "<" + query.page(page + 1) + ">; rel=\"next\"") : Map.of();
        return DemoAnswer.json(request, 200, array.build().toString(), headers);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
