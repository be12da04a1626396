package dev.issuecommand.webhooks.control;

import dev.issuecommand.followups.entity.NewFollowup;
import dev.issuecommand.followups.entity.SourceEventType;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.webhooks.entity.MappedEvent;
import dev.issuecommand.webhooks.entity.WebhookDelivery;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps GitHub's webhook payloads to follow-up work (the table of docs/behaviour.md §7) and to changes of issues that
 * release a quarantine (§17). GitHub's JSON stops here: what leaves this class is a {@link MappedEvent}.
 */
public final class WebhookMapping {

    private static final int MAX_SUMMARY = 10_000;

    private WebhookMapping() {
    }

    public static MappedEvent map(WebhookDelivery delivery) {
        JsonObject payload = delivery.payload();
        String action = delivery.action();
        return switch (delivery.event()) {
            case "pull_request_review" -> review(delivery, action, payload);
            case "pull_request_review_comment" -> "created".equals(action)
                    ? comment(delivery, payload, object(payload, "pull_request"), SourceEventType.REVIEW_COMMENT,
                            "review_comment:")
                    : new MappedEvent.Ignore("unsupported_action");
            case "issue_comment" -> issueComment(delivery, action, payload);
            case "pull_request" -> synchronize(action, payload);
            case "issues" -> issueEdited(action, payload);
            default -> new MappedEvent.Ignore("unsupported_event");
        };
    }

    private static MappedEvent review(WebhookDelivery delivery, String action, JsonObject payload) {
        if (!"submitted".equals(action)) {
            return new MappedEvent.Ignore("unsupported_action");
        }
        JsonObject review = object(payload, "review");
        String state = review == null ? null : text(review, "state");
        if (state == null || !"changes_requested".equals(state.toLowerCase(Locale.ROOT))) {
            return new MappedEvent.Ignore("review_not_changes_requested");
        }
        return followup(delivery, payload, object(payload, "pull_request"), review,
                SourceEventType.REVIEW_CHANGES_REQUESTED, "review:",
                "Changes were requested in a pull request review.");
    }

    private static MappedEvent issueComment(WebhookDelivery delivery, String action, JsonObject payload) {
        if (!"created".equals(action)) {
            return new MappedEvent.Ignore("unsupported_action");
        }
        JsonObject issue = object(payload, "issue");
        if (issue == null || object(issue, "pull_request") == null) {
            return issueChanged(payload, login(object(object(payload, "comment"), "user")), "new comment",
                    "issue_comment_not_on_pull_request");
        }
        return comment(delivery, payload, issue, SourceEventType.PR_COMMENT, "issue_comment:");
    }

    /**
     * {@code issues} {@code edited}: the issue changed (docs/behaviour.md §17), unless {@code changes} names what
     * changed and the body is not among it (a new title alone).
     */
    private static MappedEvent issueEdited(String action, JsonObject payload) {
        JsonObject changes = object(payload, "changes");
        boolean body = changes == null || changes.isEmpty() || object(changes, "body") != null;
        if (!"edited".equals(action) || !body) {
            return new MappedEvent.Ignore("unsupported_event");
        }
        return issueChanged(payload, null, "edited body", "unsupported_event");
    }

    private static MappedEvent issueChanged(JsonObject payload, String author, String change, String otherwise) {
        Optional<String> repo = repo(payload);
        JsonObject issue = object(payload, "issue");
        Integer number = issue == null ? null : positive(issue, "number");
        if (repo.isEmpty() || number == null) {
            return new MappedEvent.Ignore(otherwise);
        }
        String by = Optional.ofNullable(author).orElse(login(object(payload, "sender")));
        return new MappedEvent.IssueChanged(repo.get(), number, by, change, otherwise);
    }

    private static MappedEvent comment(WebhookDelivery delivery, JsonObject payload, JsonObject pullRequest,
            SourceEventType type, String idPrefix) {
        return followup(delivery, payload, pullRequest, object(payload, "comment"), type, idPrefix,
                "A new comment was left on the pull request.");
    }

    private static MappedEvent synchronize(String action, JsonObject payload) {
        if (!"synchronize".equals(action)) {
            return new MappedEvent.Ignore("unsupported_action");
        }
        Optional<String> repo = repo(payload);
        JsonObject pr = object(payload, "pull_request");
        Integer number = pr == null ? null : positive(pr, "number");
        if (repo.isEmpty() || number == null) {
            return new MappedEvent.Ignore("incomplete_payload");
        }
        return new MappedEvent.Resolve(repo.get(), number);
    }

    /** {@code pullRequest} is the PR object (or, for issue comments, the issue that is a PR). */
    private static MappedEvent followup(WebhookDelivery delivery, JsonObject payload, JsonObject pullRequest,
            JsonObject source, SourceEventType type, String idPrefix, String defaultSummary) {
        Optional<String> repo = repo(payload);
        Integer number = pullRequest == null ? null : positive(pullRequest, "number");
        String sourceId = source == null ? null : id(source);
        if (repo.isEmpty() || number == null || sourceId == null) {
            return new MappedEvent.Ignore("incomplete_payload");
        }
        String url = prUrl(pullRequest, repo.get(), number);
        String title = Optional.ofNullable(text(pullRequest, "title")).orElse("Pull request #" + number);
        String body = Optional.ofNullable(text(source, "body")).map(String::strip).orElse("");
        String summary = body.isEmpty() ? defaultSummary : truncate(body);
        String requestedBy = login(object(payload, "sender"));
        String author = Optional.ofNullable(login(object(source, "user"))).orElse(requestedBy);
        NewFollowup followup = new NewFollowup(repo.get(), number, url, title, type, idPrefix + sourceId,
                delivery.deliveryId(), requestedBy, summary, body.isEmpty() ? List.of() : List.of(truncate(body)));
        return new MappedEvent.Queue(followup, author);
    }

    /** The web URL of the pull request: {@code html_url}, the issue's {@code pull_request.html_url}, or built. */
    private static String prUrl(JsonObject pullRequest, String repo, int number) {
        JsonObject nested = object(pullRequest, "pull_request");
        String url = nested == null ? null : text(nested, "html_url");
        if (url == null) {
            url = text(pullRequest, "html_url");
        }
        if (url == null || url.contains("/issues/")) {
            url = "https://github.com/" + repo + "/pull/" + number;
        }
        return url;
    }

    /** {@code repository.full_name}, when present. */
    public static Optional<String> repo(JsonObject payload) {
        JsonObject repository = object(payload, "repository");
        return Optional.ofNullable(repository == null ? null : text(repository, "full_name"))
                .filter(name -> RepoName.parse(name).isPresent());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY);
    }

    private static String login(JsonObject user) {
        return user == null ? null : text(user, "login");
    }

    private static String id(JsonObject source) {
        JsonValue value = source.get("id");
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        if (value instanceof JsonString string && !string.getString().isBlank()) {
            return string.getString().strip();
        }
        return null;
    }

    private static Integer positive(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0
                && number.longValue() <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return null;
    }

    private static JsonObject object(JsonObject json, String key) {
        JsonValue value = json == null ? null : json.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonString string && !string.getString().isBlank() ? string.getString() : null;
    }
}
