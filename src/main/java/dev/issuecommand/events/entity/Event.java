package dev.issuecommand.events.entity;

import java.util.Map;

/** An event as clients see it on the stream (docs/behaviour.md §3, §9); absent members are left out. */
public record Event(
        String eventId,
        String type,
        String timestamp,
        String claimId,
        String workItemId,
        String repo,
        Integer issueNumber,
        Integer prNumber,
        String agentId,
        Map<String, Object> details,
        String actor) {

    /** A new event of {@code type}, to be completed with the builder-style {@code with*} methods. */
    public static Event of(String type) {
        return new Event(null, type, null, null, null, null, null, null, null, null, null);
    }

    public Event withClaim(String claimId, String repo, int issueNumber, String agentId) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                actor);
    }

    public Event withWorkItem(String workItemId, String repo, int prNumber, String agentId) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                actor);
    }

    /** An event about an agent itself, not about one of its claims or work items. */
    public Event withAgent(String agentId) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                actor);
    }

    public Event withDetails(Map<String, Object> details) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                actor);
    }

    /** The event as done by {@code principal}: {@code admin}, {@code agent:<id>} or {@code system}. */
    public Event withActor(String principal) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                principal);
    }

    public Event withIdAndTime(String eventId, String timestamp) {
        return new Event(eventId, type, timestamp, claimId, workItemId, repo, issueNumber, prNumber, agentId, details,
                actor);
    }
}
