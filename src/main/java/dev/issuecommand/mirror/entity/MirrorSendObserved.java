package dev.issuecommand.mirror.entity;

/**
 * One outbox row the claim mirror tried to show on GitHub, fired as a CDI event for the metrics: {@code outcome} is
 * {@code sent}, {@code failed} or {@code parked}.
 */
public record MirrorSendObserved(String outcome) {
}
