package dev.issuecommand.claims.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs a task on request, one run at a time; requests that arrive while it runs queue at most one re-run
 * (docs/behaviour.md §6: "overlapping triggers queue at most one re-run"). Every request gets the result of a run that
 * started after it.
 */
public final class SyncTrigger<T> {

    private final Executor executor;
    private final Supplier<T> task;
    private boolean running;
    private CompletableFuture<T> queued;

    public SyncTrigger(Executor executor, Supplier<T> task) {
        this.executor = executor;
        this.task = task;
    }

    /** Asks for a run; the future completes with the result of the run that serves this request. */
    public CompletableFuture<T> fire() {
        CompletableFuture<T> result;
        synchronized (this) {
            if (queued != null) {
                return queued;
            }
            queued = new CompletableFuture<>();
            result = queued;
            if (running) {
                return result;
            }
            running = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running = false;
                queued = null;
            }
            result.completeExceptionally(e);
        }
        return result;
    }

    private void drain() {
        while (true) {
            CompletableFuture<T> next;
            synchronized (this) {
                if (queued == null) {
                    running = false;
                    return;
                }
                next = queued;
                queued = null;
            }
            try {
                next.complete(task.get());
            } catch (RuntimeException | Error e) {
                next.completeExceptionally(e);
            }
        }
    }
}
