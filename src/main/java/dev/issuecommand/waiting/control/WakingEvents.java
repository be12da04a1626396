package dev.issuecommand.waiting.control;

import dev.issuecommand.events.entity.Event;
import java.util.Map;
import java.util.Set;

/**
 * The events after which waiting calls look again (docs/behaviour.md §18): a follow-up queued, requeued or gone
 * stale; a claim released (by its agent, an operator or the stale sweep), which makes its issue claimable again; a
 * claim gone stale or closed, which ends its hold on the follow-ups of its pull request; a GitHub sync run; an issue
 * released from quarantine; and an {@code issues} delivery that opened or reopened an issue.
 */
final class WakingEvents {

    private static final Set<String> TYPES = Set.of("followup.created", "followup.requeued", "followup.stale",
            "claim.released", "claim.auto_released", "claim.stale", "sync.reconciled", "issue.quarantine_released");
    private static final Set<String> ISSUE_ACTIONS = Set.of("opened", "reopened");

    private WakingEvents() {
    }

    static boolean wakes(Event event) {
        if (TYPES.contains(event.type())) {
            return true;
        }
        Map<String, Object> details = event.details() == null ? Map.of() : event.details();
        return switch (event.type()) {
            case "claim.updated" -> "closed".equals(details.get("status"));
            case "webhook.received" -> "issues".equals(details.get("event"))
                    && ISSUE_ACTIONS.contains(details.get("action"));
            default -> false;
        };
    }
}
