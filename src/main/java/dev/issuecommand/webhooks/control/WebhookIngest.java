package dev.issuecommand.webhooks.control;

import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NewFollowup;
import dev.issuecommand.github.TokenOwner;
import dev.issuecommand.metrics.IssueCommandMetrics;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.store.Database;
import dev.issuecommand.webhooks.entity.MappedEvent;
import dev.issuecommand.webhooks.entity.WebhookDelivery;
import dev.issuecommand.webhooks.entity.WebhookReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Handles an authenticated delivery (docs/behaviour.md §7): maps it, then in ONE write transaction records the delivery
 * id, queues or resolves follow-ups or releases a quarantined issue (§17) and appends the events, so an accepted
 * delivery is never half-applied or lost.
 */
@ApplicationScoped
public class WebhookIngest {

    /** Longest a delivery waits for the token owner's login while a lookup is in flight. */
    private static final Duration LOGIN_WAIT = Duration.ofMillis(500);

    @Inject
    Database database;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Followups followups;

    @Inject
    EventLog events;

    @Inject
    TokenOwner tokenOwner;

    @Inject
    Settings settings;

    @Inject
    RepositoryPolicy repositories;

    @Inject
    Clock clock;

    @Inject
    IssueCommandMetrics metrics;

    @Inject
    Quarantines quarantines;

    public WebhookReceipt ingest(WebhookDelivery delivery) {
        MappedEvent mapped = screen(WebhookMapping.map(delivery), delivery);
        WebhookReceipt answer = database.write(em -> {
            long now = clock.millis();
            if (delivery.deliveryId() != null) {
                if (!deliveries.record(em, delivery.deliveryId(), delivery.event(), now)) {
                    return WebhookReceipt.duplicate(delivery.deliveryId());
                }
                deliveries.trim(em, settings.webhookDedupeMaxEntries());
            }
            WebhookReceipt receipt = apply(em, mapped, delivery, now);
            received(em, delivery, receipt, now);
            return receipt;
        });
        if (Boolean.TRUE.equals(answer.duplicate())) {
            metrics.webhookDuplicate();
        } else {
            metrics.webhookReceived();
        }
        return answer;
    }

    /** Records a refused request ({@code webhook.rejected}) in its own transaction. */
    public void rejected(String error, String reason, String event, String deliveryId) {
        metrics.webhookRejected();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", error);
        details.put("reason", reason);
        if (event != null) {
            details.put("event", event);
        }
        if (deliveryId != null) {
            details.put("delivery_id", deliveryId);
        }
        database.write(em -> {
            events.append(em, Event.of("webhook.rejected").withDetails(details), clock.millis());
            return null;
        });
    }

    /** Applies ALLOWED_REPOS and the own-login rule before anything is written. */
    private MappedEvent screen(MappedEvent mapped, WebhookDelivery delivery) {
        Optional<String> repo = WebhookMapping.repo(delivery.payload());
        if (!(mapped instanceof MappedEvent.Ignore) && repo.isPresent() && !repositories.allows(repo.get())) {
            return new MappedEvent.Ignore(mapped instanceof MappedEvent.IssueChanged changed ? changed.otherwise()
                    : "repository_not_allowed");
        }
        if (mapped instanceof MappedEvent.Queue queue && ownLogin(queue.author())) {
            return new MappedEvent.Ignore("authored_by_token_owner");
        }
        if (mapped instanceof MappedEvent.IssueChanged changed && ownLogin(changed.author())) {
            return new MappedEvent.Ignore(changed.otherwise());
        }
        return mapped;
    }

    /** Whether {@code author} is the login of the token's owner (its own changes queue and release nothing). */
    private boolean ownLogin(String author) {
        if (author == null) {
            return false;
        }
        Optional<String> own = tokenOwner.login(LOGIN_WAIT);
        return own.isPresent() && own.get().toLowerCase(Locale.ROOT).equals(author.toLowerCase(Locale.ROOT));
    }

    private WebhookReceipt apply(EntityManager em, MappedEvent mapped, WebhookDelivery delivery, long now) {
        if (mapped instanceof MappedEvent.Queue queue) {
            NewFollowup source = queue.followup();
            Optional<FollowupView> created = followups.queue(em, source, now);
            if (created.isEmpty()) {
                return WebhookReceipt.ignored(delivery, "duplicate_source_event");
            }
            return WebhookReceipt.queued(delivery, created.get().workItemId(), source.repo(), source.prNumber(),
                    source.sourceEventType().wire(), source.sourceEventId());
        }
        if (mapped instanceof MappedEvent.Resolve resolve) {
            List<String> ids = followups.resolvePullRequest(em, resolve.repo(), resolve.prNumber(), now);
            return WebhookReceipt.resolved(delivery, resolve.repo(), resolve.prNumber(), ids);
        }
        if (mapped instanceof MappedEvent.IssueChanged changed) {
            return quarantines.release(em, changed.repo(), changed.number(), "issue changed on GitHub: "
                    + changed.change(), now)
                    .map(released -> WebhookReceipt.quarantineReleased(delivery, released.repo(), changed.number()))
                    .orElseGet(() -> WebhookReceipt.ignored(delivery, changed.otherwise()));
        }
        return WebhookReceipt.ignored(delivery, ((MappedEvent.Ignore) mapped).reason());
    }

    private void received(EntityManager em, WebhookDelivery delivery, WebhookReceipt receipt, long now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("event", delivery.event());
        if (delivery.action() != null) {
            details.put("action", delivery.action());
        }
        if (delivery.deliveryId() != null) {
            details.put("delivery_id", delivery.deliveryId());
        }
        details.put("outcome", Boolean.TRUE.equals(receipt.processed()) ? "processed" : "ignored");
        if (receipt.reason() != null) {
            details.put("reason", receipt.reason());
        }
        if (receipt.resolvedWorkItemIds() != null) {
            details.put("resolved_work_item_ids", receipt.resolvedWorkItemIds());
        }
        Event event = Event.of("webhook.received").withDetails(details);
        if (receipt.repo() != null && receipt.prNumber() != null) {
            event = event.withWorkItem(receipt.workItemId(), receipt.repo(), receipt.prNumber(), null);
        }
        events.append(em, event, now);
    }
}
