package dev.issuecommand.events.control;

import dev.issuecommand.config.ShutdownHook;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.Timestamps;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tails the {@code events} table and fans new rows out to every SSE subscriber of this process (docs/behaviour.md §9):
 * every 150 ms on SQLite, whenever an instance commits an event on PostgreSQL (and after the listener reconnects).
 * One reader per process; a subscriber with {@code Last-Event-ID} first replays the log, then joins the live fan-out.
 * Watchers inside the server ({@link #watch}) see the same live events, for instance to wake calls waiting for work.
 */
@ApplicationScoped
public class EventFeed {

    static final long POLL_MILLIS = 150;
    static final long PING_SECONDS = 15;
    static final int BATCH = 500;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contexts;

    @Inject
    Database database;

    @Inject
    EventLog log;

    @Inject
    Clock clock;

    private final Object lock = new Object();
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    private final Set<Consumer<Event>> watchers = new LinkedHashSet<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private long head = -1;
    private volatile SseFrames frames;
    private volatile boolean pollFailing;
    private volatile boolean closing;
    private ShutdownHook shutdownHook;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object event) {
        // on PostgreSQL a commit anywhere wakes the feed (LISTEN/NOTIFY); the listener's thread is not a managed
        // one, so it hands the read to the managed executor with this application's context
        Runnable wake = contexts.createContextualProxy(() -> executor.execute(this::poll), Runnable.class);
        if (!database.notifyOnEvents(wake)) {
            tasks.add(executor.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS));
        }
        tasks.add(executor.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS));
        shutdownHook = ShutdownHook.add("issuecommand-sse-close", this::closeAll);
    }

    /** A numeric event id (a {@code Last-Event-ID}); anything else is ignored, as if none had been sent. */
    public static OptionalLong parseEventId(String eventId) {
        if (eventId == null || !eventId.strip().matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(eventId.strip()));
    }

    /**
     * Connects {@code sink}: the {@code connected} frame first, then the events after {@code lastEventId} (if given)
     * from the log, then live events.
     */
    public void subscribe(SseEventSink sink, Sse sse, OptionalLong lastEventId, Predicate<Event> shows) {
        if (closing) {
            sink.close();
            return;
        }
        SseFrames builder = frames(sse);
        Subscription subscription = new Subscription(sink, shows, executor, this::remove);
        boolean live;
        synchronized (lock) {
            long current = head();
            subscription.enqueue(builder.connected(current, Timestamps.iso(clock.millis())));
            subscription.cursor = lastEventId.isPresent() ? Math.max(0, Math.min(lastEventId.getAsLong(), current))
                    : current;
            subscription.live = subscription.cursor >= current;
            live = subscription.live;
            subscriptions.add(subscription);
        }
        subscription.drainSoon();
        if (!live) {
            executor.execute(() -> catchUp(subscription));
        }
    }

    /**
     * Hands {@code watcher} every event committed (by any process) after this call, until {@link #unwatch}; it runs
     * on the feed's thread and must return quickly.
     */
    public void watch(Consumer<Event> watcher) {
        synchronized (lock) {
            head();
            watchers.add(watcher);
        }
    }

    public void unwatch(Consumer<Event> watcher) {
        synchronized (lock) {
            watchers.remove(watcher);
        }
    }

    private SseFrames frames(Sse sse) {
        if (frames == null) {
            frames = new SseFrames(sse);
        }
        return frames;
    }

    /** The id of the newest event handed to the live fan-out; read from the log on first use. Caller holds the lock. */
    private long head() {
        if (head < 0) {
            head = database.read(em -> log.latestId(em));
        }
        return head;
    }

    /** Reads new events and fans them out; idle while nobody listens (the position is read again on subscribe). */
    void poll() {
        try {
            List<Event> batch;
            do {
                long from;
                synchronized (lock) {
                    if (subscriptions.isEmpty() && watchers.isEmpty()) {
                        head = -1;
                        return;
                    }
                    from = head();
                }
                batch = database.read(em -> log.after(em, from, BATCH));
                fanOut(batch);
            } while (batch.size() == BATCH);
            if (pollFailing) {
                pollFailing = false;
                JsonLog.info("sse.poll_recovered");
            }
        } catch (RuntimeException e) {
            if (!pollFailing) {
                pollFailing = true;
                JsonLog.warn("sse.poll_failed", "error", e.getClass().getSimpleName());
            }
        }
    }

    private void fanOut(List<Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<Subscription> touched = new LinkedHashSet<>();
        List<Subscription> overflowing = new ArrayList<>();
        List<Event> watched = new ArrayList<>();
        List<Consumer<Event>> watching;
        synchronized (lock) {
            watching = List.copyOf(watchers);
            for (Event event : batch) {
                long id = id(event);
                if (id <= head) {
                    continue;
                }
                head = id;
                watched.add(event);
                if (subscriptions.isEmpty()) {
                    continue;
                }
                OutboundSseEvent frame = frames.event(event);
                for (Subscription subscription : subscriptions) {
                    if (subscription.live && id > subscription.cursor) {
                        subscription.cursor = id;
                        if (subscription.shows(event)) {
                            (subscription.enqueue(frame) ? touched : overflowing).add(subscription);
                        }
                    }
                }
            }
        }
        watching.forEach(watcher -> watched.forEach(watcher));
        touched.removeAll(overflowing);
        touched.forEach(Subscription::drainSoon);
        closeSlow(overflowing);
    }

    /** Replays the log after the subscriber's cursor until it meets the live position, then makes it live. */
    private void catchUp(Subscription subscription) {
        try {
            while (!subscription.closed()) {
                long from = subscription.cursor;
                List<Event> batch = database.read(em -> log.after(em, from, BATCH));
                boolean queued = true;
                synchronized (lock) {
                    boolean beyondHead = false;
                    for (Event event : batch) {
                        long id = id(event);
                        if (id > head) {
                            beyondHead = true;
                            break;
                        }
                        if (subscription.shows(event)) {
                            queued = queued && subscription.enqueue(frames.event(event));
                        }
                        subscription.cursor = id;
                    }
                    if (queued && (beyondHead || subscription.cursor >= head)) {
                        subscription.cursor = head;
                        subscription.live = true;
                    }
                }
                if (!queued) {
                    closeSlow(List.of(subscription));
                    return;
                }
                subscription.drainSoon();
                if (subscription.live) {
                    return;
                }
                awaitRoom(subscription);
            }
        } catch (RuntimeException e) {
            JsonLog.warn("sse.replay_failed", "error", e.getClass().getSimpleName());
            subscription.close();
        }
    }

    private static void closeSlow(List<Subscription> slow) {
        if (!slow.isEmpty()) {
            JsonLog.warn("sse.client_too_slow", "clients", slow.size(), "max_queued", Subscription.MAX_QUEUED);
            slow.forEach(Subscription::close);
        }
    }

    private static void awaitRoom(Subscription subscription) {
        while (!subscription.closed() && subscription.queued() > BATCH) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                subscription.close();
            }
        }
    }

    void ping() {
        SseFrames builder = frames;
        if (builder == null) {
            return;
        }
        OutboundSseEvent frame = builder.ping(Timestamps.iso(clock.millis()));
        List<Subscription> all;
        synchronized (lock) {
            all = List.copyOf(subscriptions);
        }
        List<Subscription> overflowing = new ArrayList<>();
        for (Subscription subscription : all) {
            if (subscription.enqueue(frame)) {
                subscription.drainSoon();
            } else {
                overflowing.add(subscription);
            }
        }
        closeSlow(overflowing);
    }

    private void remove(Subscription subscription) {
        synchronized (lock) {
            subscriptions.remove(subscription);
        }
    }

    private static long id(Event event) {
        return Long.parseLong(event.eventId());
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
        if (shutdownHook != null) {
            shutdownHook.remove();
        }
        closeAll();
    }

    /**
     * Ends every stream. Also run as a JVM shutdown hook: on SIGTERM Liberty first waits for open requests (an SSE
     * stream never finishes by itself) before it stops the application, so the streams are closed at once instead.
     */
    private void closeAll() {
        closing = true;
        List<Subscription> all;
        synchronized (lock) {
            all = List.copyOf(subscriptions);
        }
        all.forEach(Subscription::close);
    }
}
