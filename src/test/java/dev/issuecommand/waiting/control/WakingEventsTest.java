package dev.issuecommand.waiting.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.events.entity.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which events make waiting calls look again. */
class WakingEventsTest {

    @Test
    void workThatMayHaveAppearedWakes() {
        for (String type : new String[] {"followup.created", "followup.requeued", "followup.stale", "claim.released",
                "claim.auto_released", "claim.stale", "sync.reconciled"}) {
            assertThat(WakingEvents.wakes(Event.of(type))).as(type).isTrue();
        }
        assertThat(WakingEvents.wakes(Event.of("claim.updated").withDetails(Map.of("status", "closed")))).isTrue();
        assertThat(WakingEvents.wakes(Event.of("webhook.received")
                .withDetails(Map.of("event", "issues", "action", "reopened")))).isTrue();
    }

    @Test
    void workTakenOrUnchangedDoesNot() {
        for (String type : new String[] {"claim.created", "followup.claimed", "followup.done", "webhook.rejected"}) {
            assertThat(WakingEvents.wakes(Event.of(type))).as(type).isFalse();
        }
        assertThat(WakingEvents.wakes(Event.of("claim.updated").withDetails(Map.of("status", "in_progress"))))
                .isFalse();
        assertThat(WakingEvents.wakes(Event.of("webhook.received")
                .withDetails(Map.of("event", "issues", "action", "closed")))).isFalse();
        assertThat(WakingEvents.wakes(Event.of("webhook.received")
                .withDetails(Map.of("event", "pull_request", "action", "opened")))).isFalse();
    }
}
