package dev.issuecommand.waiting.control;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One waiting call: who waits (its principal, for the cap), what it looks for, and the answer it gets. The flags are
 * guarded by the {@link WaitQueue}'s lock: {@code picking} while a round looks for it (then the end of its wait only
 * marks it {@code expired}, so that an item picked meanwhile is never dropped); {@code looked} once it was looked for.
 *
 * @param <R> the call's answer
 */
final class Waiter<R> {

    final String principal;
    final WorkPick<R> pick;
    final CompletableFuture<R> answer = new CompletableFuture<>();
    boolean picking;
    boolean expired;
    /** After its first look: a failing look then no longer ends the call. */
    boolean looked;

    Waiter(String principal, WorkPick<R> pick) {
        this.principal = principal;
        this.pick = pick;
    }

    /** Looks once: the waiter's own step, then the shared one unless its key is in {@code dry} (where it goes if empty). */
    Optional<R> look(Set<String> dry) {
        Optional<R> found = pick.own();
        if (found.isEmpty() && !dry.contains(pick.key())) {
            found = pick.shared();
            if (found.isEmpty()) {
                dry.add(pick.key());
            }
        }
        return found;
    }

    void answer(Optional<R> found) {
        answer.complete(found.orElseGet(pick::nothing));
    }

    void fail(RuntimeException e) {
        answer.completeExceptionally(e);
    }
}
