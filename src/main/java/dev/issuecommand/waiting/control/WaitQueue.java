package dev.issuecommand.waiting.control;

import dev.issuecommand.logging.JsonLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The waiting calls of this process, in arrival order (docs/behaviour.md §18). A round ({@link #wake}) looks for work
 * for each waiter from the head, hands each at most one item and removes it; one round runs at a time, on {@code
 * executor}, and a wake-up during a round runs one more round after it. At most {@code maxPerPrincipal} waiters per
 * principal. {@code watching} is told {@code true} when the queue gets its first waiter and {@code false} when it loses
 * its last, under the queue's lock.
 */
final class WaitQueue {

    private final int maxPerPrincipal;
    private final Executor executor;
    private final Consumer<Boolean> watching;
    private final Set<Waiter<?>> waiters = new LinkedHashSet<>();
    private final Map<String, Integer> perPrincipal = new HashMap<>();
    private boolean serving;
    private boolean again;

    WaitQueue(int maxPerPrincipal, Executor executor, Consumer<Boolean> watching) {
        this.maxPerPrincipal = maxPerPrincipal;
        this.executor = executor;
        this.watching = watching;
    }

    /** Queues {@code waiter} at the end and starts a round; false (not queued) when its principal has the most. */
    boolean add(Waiter<?> waiter) {
        synchronized (this) {
            if (perPrincipal.getOrDefault(waiter.principal, 0) >= maxPerPrincipal) {
                return false;
            }
            if (waiters.isEmpty()) {
                watching.accept(true);
            }
            waiters.add(waiter);
            perPrincipal.merge(waiter.principal, 1, Integer::sum);
        }
        wake();
        return true;
    }

    synchronized int size() {
        return waiters.size();
    }

    /** Starts a round, or asks the running one for another after it. */
    void wake() {
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            if (serving) {
                again = true;
                return;
            }
            serving = true;
        }
        executor.execute(this::serve);
    }

    private void serve() {
        boolean finished = false;
        try {
            do {
                Set<String> dry = new HashSet<>();
                for (Waiter<?> waiter : snapshot()) {
                    serve(waiter, dry);
                }
            } while (another());
            finished = true;
        } finally {
            if (!finished) {
                // a round that died must not leave the queue believing one still runs
                synchronized (this) {
                    serving = false;
                }
            }
        }
    }

    private synchronized List<Waiter<?>> snapshot() {
        again = false;
        return new ArrayList<>(waiters);
    }

    private synchronized boolean another() {
        serving = again && !waiters.isEmpty();
        return serving;
    }

    private <R> void serve(Waiter<R> waiter, Set<String> dry) {
        synchronized (this) {
            if (!waiters.contains(waiter) || waiter.expired) {
                return;
            }
            waiter.picking = true;
        }
        Optional<R> found;
        try {
            found = waiter.look(dry);
        } catch (RuntimeException e) {
            if (!waiter.looked) {
                remove(waiter);
                waiter.fail(e);
                return;
            }
            found = lookFailed(waiter, dry, e);
        } catch (Error e) {
            found = lookFailed(waiter, dry, e);
        }
        boolean done;
        synchronized (this) {
            waiter.picking = false;
            waiter.looked = true;
            done = found.isPresent() || waiter.expired;
            if (done) {
                removeLocked(waiter);
            }
        }
        if (done) {
            waiter.answer(found);
        }
    }

    /**
     * A look that failed after the first (GitHub briefly unavailable, a busy database) is only a look without work:
     * the call keeps waiting, and its end answers "nothing" as usual.
     */
    private static <R> Optional<R> lookFailed(Waiter<R> waiter, Set<String> dry, Throwable e) {
        JsonLog.warn("waiting.look_failed", "error", e.getClass().getName());
        dry.add(waiter.pick.key());
        return Optional.empty();
    }

    /** The wait of {@code waiter} has ended: it gets the "nothing" answer now, or after a look that is under way. */
    void expire(Waiter<?> waiter) {
        synchronized (this) {
            if (waiter.picking) {
                waiter.expired = true;
                return;
            }
            if (!removeLocked(waiter)) {
                return;
            }
        }
        waiter.answer(Optional.empty());
    }

    /** Answers every waiter "nothing" at once (those being looked for: after the look). */
    void answerAll() {
        List<Waiter<?>> idle = new ArrayList<>();
        synchronized (this) {
            for (Waiter<?> waiter : waiters) {
                waiter.expired = true;
                if (!waiter.picking) {
                    idle.add(waiter);
                }
            }
            idle.forEach(this::removeLocked);
        }
        idle.forEach(waiter -> waiter.answer(Optional.empty()));
    }

    private synchronized void remove(Waiter<?> waiter) {
        removeLocked(waiter);
    }

    private boolean removeLocked(Waiter<?> waiter) {
        if (!waiters.remove(waiter)) {
            return false;
        }
        perPrincipal.computeIfPresent(waiter.principal, (principal, count) -> count == 1 ? null : count - 1);
        if (waiters.isEmpty()) {
            watching.accept(false);
        }
        return true;
    }
}
