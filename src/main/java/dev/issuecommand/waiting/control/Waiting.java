package dev.issuecommand.waiting.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.config.ShutdownHook;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventFeed;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.metrics.IssueCommandMetrics;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls of {@code next_issue} and {@code next_work} waiting for work (docs/behaviour.md §18). A waiting call holds no
 * thread and no database lock: it is a {@link Waiter} in the {@link WaitQueue} with a timer for the end of its wait.
 * While anyone waits, the queue looks again after every waking event the {@link EventFeed} reads (from any process
 * sharing the database) and every {@value #LOOK_SECONDS} s (issues opened on GitHub without a webhook); the looks
 * run on the managed executor, for the caller of each waiting call.
 */
@ApplicationScoped
public class Waiting {

    static final long LOOK_SECONDS = 10;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Settings settings;

    @Inject
    EventFeed feed;

    @Inject
    Callers callers;

    @Inject
    IssueCommandMetrics metrics;

    private final Consumer<Event> watcher = this::seen;
    private WaitQueue queue;
    private ScheduledFuture<?> looks;
    private volatile boolean closing;
    private ShutdownHook shutdownHook;

    @PostConstruct
    void init() {
        queue = new WaitQueue(settings.waitMaxPerPrincipal(), executor, this::watch);
    }

    /** Lists the waiting calls on {@code /metrics} from the start, and answers them all when the JVM stops. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        metrics.waitingCalls(queue::size);
        shutdownHook = ShutdownHook.add("issuecommand-waiting-end", this::answerAll);
    }

    /**
     * Waits up to {@code seconds} for {@code pick} to find work, looking at once; the answer is what it found, or
     * its "nothing" answer. Over {@code WAIT_MAX_PER_PRINCIPAL} waiting calls of the caller's principal: 429.
     */
    public <R> CompletableFuture<R> await(int seconds, WorkPick<R> pick) {
        Caller caller = callers.sender();
        if (closing) {
            return CompletableFuture.completedFuture(pick.nothing());
        }
        Waiter<R> waiter = new Waiter<>(caller.principal(), new CallerPick<>(pick, caller, callers));
        if (!queue.add(waiter)) {
            throw tooMany(settings.waitMaxPerPrincipal());
        }
        if (closing) {
            queue.expire(waiter);
            return waiter.answer;
        }
        ScheduledFuture<?> timer = executor.schedule(() -> queue.expire(waiter), seconds, TimeUnit.SECONDS);
        return waiter.answer.whenComplete((answer, failure) -> timer.cancel(false));
    }

    private static ApiException tooMany(int max) {
        return new ApiException(Problem.of(429, "too_many_waiters", "Too many waiting calls",
                "At most " + max + " waiting next_issue/next_work calls per principal (WAIT_MAX_PER_PRINCIPAL)"));
    }

    private void seen(Event event) {
        if (WakingEvents.wakes(event)) {
            queue.wake();
        }
    }

    /**
     * While anyone waits ({@code on}), watches the event log and looks every {@value #LOOK_SECONDS} s. Under the
     * queue's lock.
     */
    private void watch(boolean on) {
        if (on) {
            feed.watch(watcher);
            looks = executor.scheduleWithFixedDelay(queue::wake, LOOK_SECONDS, LOOK_SECONDS, TimeUnit.SECONDS);
        } else {
            feed.unwatch(watcher);
            looks.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        if (shutdownHook != null) {
            shutdownHook.remove();
        }
        answerAll();
    }

    /**
     * Answers every waiting call "nothing" as the server stops. Also run as a JVM shutdown hook: on SIGTERM Liberty
     * first waits for open requests before it stops the application, and a waiting call would hold it up.
     */
    private void answerAll() {
        closing = true;
        queue.answerAll();
    }

    /** {@code pick} done for {@code caller}, whose rules (its key's repositories, its principal in events) apply. */
    private record CallerPick<R>(WorkPick<R> pick, Caller caller, Callers callers) implements WorkPick<R> {

        /** A key's repositories also depend on the caller's agent key. */
        @Override
        public String key() {
            return pick.key() + " " + new TreeSet<>(caller.repos());
        }

        @Override
        public Optional<R> own() {
            return callers.as(caller, pick::own);
        }

        @Override
        public Optional<R> shared() {
            return callers.as(caller, pick::shared);
        }

        @Override
        public R nothing() {
            return pick.nothing();
        }
    }
}
