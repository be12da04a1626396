package dev.issuecommand.waiting.control;

import java.util.Optional;

/**
 * What one waiting call looks for, in two steps: its own ({@link #own}, the database only, such as the follow-ups an
 * agent may take) and the shared one ({@link #shared}, which may ask GitHub). Waiters with the same {@link #key} see
 * the same candidates in the shared step, so once it comes up empty for one of them, a round skips it for the others.
 *
 * @param <R> the call's answer
 */
public interface WorkPick<R> {

    /** Waiters whose shared step looks at the same candidates have equal keys. */
    String key();

    /** The step of this waiter alone; empty when it has nothing. */
    default Optional<R> own() {
        return Optional.empty();
    }

    /** The step shared by every waiter of this key; empty when nothing is eligible. */
    Optional<R> shared();

    /** The answer when the wait ends with nothing: the call's usual refusal. */
    R nothing();
}
