package dev.issuecommand.demo.control;

import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.config.settings.DemoSettings;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the demo (docs/behaviour.md §16) when {@code Settings.demo()} is on, and nothing otherwise: the history for
 * the charts, the {@code demo.started} log line, and the simulated agents, stepped every two seconds on the managed
 * scheduler until shutdown. The first claims appear a few seconds after start. It also opens the stand-in GitHub's
 * pull requests, closes issues whose work is done, and has some pull requests reviewed.
 */
@ApplicationScoped
public class DemoCrew {

    /** The agents that do their work to the end. */
    static final List<String> WORKERS = List.of("demo-ada", "demo-grace", "demo-linus", "demo-margaret");
    /** The agent that claims and then goes silent, so its claim turns stale. */
    static final String GHOST = "demo-ghost";
    private static final long TICK_MS = 2000;
    private static final long STAGGER_MS = 1500;
    /** The share of pull requests (after the first, which always is) that get changes requested. */
    private static final double REVIEWED = 0.4;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    DemoMoves moves;

    @Inject
    DemoReviews reviews;

    @Inject
    DemoGitHub github;

    @Inject
    DemoHistory history;

    private final AtomicInteger pullRequests = new AtomicInteger();
    private final List<DemoAgent> agents = new ArrayList<>();
    private ScheduledFuture<?> task;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) @Initialized(ApplicationScoped.class)
            Object event) {
        if (!settings.demo()) {
            return;
        }
        int seeded = seedHistory();
        String key = DemoSettings.API_KEY.equals(settings.apiKey()) ? DemoSettings.API_KEY : "(API_KEY)";
        JsonLog.info("demo.started", "message", "This is a demo: GitHub and the demo-* agents are simulated in this "
                + "process, nothing reaches GitHub", "url", "http://" + settings.httpHost() + ":" + settings.httpPort()
                + "/", "api_key", key, "database", Path.of(settings.sqlitePath()).toAbsolutePath().normalize()
                .toString(), "history_claims_added", seeded);
        long first = clock.millis();
        List<String> names = new ArrayList<>(WORKERS);
        names.add(GHOST);
        for (int i = 0; i < names.size(); i++) {
            agents.add(new DemoAgent(names.get(i), names.get(i).equals(GHOST),
                    Instant.ofEpochMilli(first + i * STAGGER_MS)));
        }
        task = executor.scheduleWithFixedDelay(this::tick, TICK_MS / 2, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    DemoMoves moves() {
        return moves;
    }

    /** The web address of a new pull request of {@code repo}. */
    String pullRequestUrl(String repo) {
        return "https://github.com/" + repo + "/pull/" + github.backlog().pullRequest(repo);
    }

    /** A pull request was submitted for {@code claim}: the first one, and some after it, get changes requested. */
    void submitted(ClaimView claim) {
        if (pullRequests.getAndIncrement() == 0 || ThreadLocalRandom.current().nextDouble() < REVIEWED) {
            String url = claim.prUrl();
            int number = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
            reviews.requestChanges(claim.repo(), number, url, "Fix #" + claim.issueNumber() + ": "
                    + claim.issueTitle());
        }
    }

    /** The work on {@code claim} is done: its pull request merged, its issue is closed on the stand-in GitHub. */
    void closed(ClaimView claim, Instant at) {
        github.backlog().close(claim.repo(), claim.issueNumber(), at);
    }

    private int seedHistory() {
        try {
            return history.seedIfEmpty();
        } catch (RuntimeException e) {
            JsonLog.warn("demo.history.failed", "error", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** One round: maybe a new issue, then each agent's step; a failure is logged and the next round tries again. */
    private void tick() {
        Instant now = clock.instant();
        github.backlog().grow(now);
        for (DemoAgent agent : agents) {
            try {
                agent.step(this, now);
            } catch (RuntimeException e) {
                JsonLog.warn("demo.agent.failed", "agent_id", agent.id(), "error", e.getClass().getSimpleName(),
                        "message", String.valueOf(e.getMessage()));
            }
        }
    }
}
