package dev.issuecommand.mirror.entity;

/**
 * One outbox row the claim mirror tried to show on issue {@code issueNumber} of {@code repo}, fired as a CDI event:
 * {@code outcome} is {@code sent}, {@code failed} or {@code parked}. The metrics count them; quarantine's sync must not
 * take the mirror's own writes (which move the issue's {@code updated_at}) for a change of the issue.
 */
public record MirrorSendObserved(String outcome, String repo, int issueNumber) {

    public boolean sent() {
        return "sent".equals(outcome);
    }
}
