package dev.issuecommand.demo.control;

import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.webhooks.control.WebhookIngest;
import dev.issuecommand.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Review feedback on the demo's pull requests: a {@code pull_request_review} (changes requested) handed to
 * {@link WebhookIngest} as if GitHub had delivered it, so a follow-up is queued for the agents' {@code next_work}.
 */
@ApplicationScoped
public class DemoReviews {

    static final String REVIEWER = "demo-reviewer";
    private static final List<String> FEEDBACK = List.of(
            "Please add a test for the empty case before we merge.",
            "The error message should name the field; see the style guide.",
            "This changes the public API: please update the changelog.",
            "Looks good, but the new query needs an index.");

    private final AtomicLong reviews = new AtomicLong(7_000_000);

    @Inject
    WebhookIngest ingest;

    /** Requests changes on pull request {@code number} of {@code repo}. */
    public void requestChanges(String repo, int number, String prUrl, String title) {
        long id = reviews.incrementAndGet();
        JsonObject payload = JsonFactories.objectBuilder()
                .add("action", "submitted")
                .add("review", JsonFactories.objectBuilder()
                        .add("id", id)
                        .add("state", "changes_requested")
                        .add("body", FEEDBACK.get((int) (id % FEEDBACK.size())))
                        .add("user", GitHubShapes.user(REVIEWER)))
                .add("pull_request", JsonFactories.objectBuilder()
                        .add("number", number)
                        .add("title", title)
                        .add("html_url", prUrl))
                .add("repository", JsonFactories.objectBuilder().add("full_name", repo))
                .add("sender", GitHubShapes.user(REVIEWER))
                .build();
        ingest.ingest(new WebhookDelivery("pull_request_review", UUID.randomUUID().toString(), payload));
    }
}
