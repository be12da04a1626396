package dev.issuecommand.events.control;

import dev.issuecommand.events.entity.Event;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One connected SSE client: a bounded queue of frames, written to its sink by at most one executor task at a time,
 * so frames keep their order and a slow client holds up nobody else. A failed or overflowing sink is closed.
 */
public final class Subscription {

    /** Frames a client may fall behind by before it is disconnected (it catches up with Last-Event-ID). */
    static final int MAX_QUEUED = 2_000;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Predicate<Event> shows;
    private final Executor executor;
    private final Consumer<Subscription> onClose;
    private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Highest event id queued for this client; guarded by the feed's lock once {@link #live} is set. */
    long cursor;
    /** True once the client receives the live fan-out; guarded by the feed's lock. */
    boolean live;

    Subscription(SseEventSink sink, Predicate<Event> shows, Executor executor, Consumer<Subscription> onClose) {
        this.sink = sink;
        this.shows = shows;
        this.executor = executor;
        this.onClose = onClose;
    }

    /** True when this client may see {@code event} (its key reaches the event's repository). */
    boolean shows(Event event) {
        return shows.test(event);
    }

    /** Queues {@code frame}; false when the client is too far behind (the caller then closes it). */
    boolean enqueue(OutboundSseEvent frame) {
        synchronized (queue) {
            if (queue.size() >= MAX_QUEUED) {
                return false;
            }
            queue.add(frame);
            return true;
        }
    }

    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Starts a drain task unless one is running; it writes every queued frame in order. */
    void drainSoon() {
        if (!closed.get() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                close();
            }
        }
    }

    private void drain() {
        while (true) {
            OutboundSseEvent frame;
            synchronized (queue) {
                frame = queue.poll();
                if (frame == null) {
                    draining.set(false);
                    return;
                }
            }
            if (!send(frame)) {
                draining.set(false);
                return;
            }
        }
    }

    private boolean send(OutboundSseEvent frame) {
        if (closed.get() || sink.isClosed()) {
            close();
            return false;
        }
        try {
            sink.send(frame).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return false;
        } catch (Exception e) {
            close();
            return false;
        }
    }

    boolean closed() {
        return closed.get();
    }

    /** Closes the sink and forgets queued frames; safe to call more than once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (queue) {
            queue.clear();
        }
        onClose.accept(this);
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the client is gone already
        }
    }
}
