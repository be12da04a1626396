package dev.issuecommand.claims.entity;

import dev.issuecommand.events.entity.Event;

/**
 * What a claim or a follow-up answered when asked to change: the {@code answer} for the caller, whether it changed,
 * and the {@code event} recording the change (null when nothing is recorded: a refusal, an idempotent answer, a
 * heartbeat). The facade records the event in the same write transaction.
 */
public record Move<A>(A answer, boolean changed, Event event) {

    /** Nothing changed: a refusal or an idempotent answer. */
    public static <A> Move<A> unchanged(A answer) {
        return new Move<>(answer, false, null);
    }

    public static <A> Move<A> changed(A answer, Event event) {
        return new Move<>(answer, true, event);
    }

    /** 1 when it changed, else 0: for counting what a sweep changed. */
    public int count() {
        return changed ? 1 : 0;
    }
}
