package dev.issuecommand.mcp.boundary;

import dev.issuecommand.config.settings.LauncherFlag;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a server nobody uses: with {@code IDLE_EXIT_MINUTES} above 0 (the stdio front sets it on the shared background
 * server it starts), the process stops gracefully once that long has passed without any HTTP request. Stdio fronts
 * ping their server every minute while their MCP client is connected, so the server outlives every client by at
 * most that long. Only under the runnable jar's launcher: a WAR on another server never ends its server.
 */
@ApplicationScoped
public class IdleExit {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Settings settings;

    private volatile long lastRequestNanos = System.nanoTime();
    private ScheduledFuture<?> check;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Duration limit = settings.idleExit();
        if (limit.isZero() || !LauncherFlag.isSet()) {
            return;
        }
        long period = Math.max(1, Math.min(60, limit.toSeconds() / 4));
        check = executor.scheduleWithFixedDelay(() -> exitIfIdle(limit), period, period, TimeUnit.SECONDS);
        JsonLog.info("server.idle_exit", "minutes", limit.toSeconds() / 60.0);
    }

    /** A request arrived. */
    void touch() {
        lastRequestNanos = System.nanoTime();
    }

    private void exitIfIdle(Duration limit) {
        if (System.nanoTime() - lastRequestNanos < limit.toNanos()) {
            return;
        }
        JsonLog.info("server.idle_stop", "message", "no request for " + limit.toSeconds() + " s; stopping");
        Thread exit = new Thread(() -> System.exit(0), "issuecommand-idle-exit");
        exit.start();
    }

    @PreDestroy
    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }
}
