package dev.issuecommand.github;

import dev.issuecommand.config.settings.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One HTTP exchange with GitHub, guarded by MicroProfile Fault Tolerance (docs/behaviour.md §6): a timeout, retries
 * with a jittered delay on network errors, timeouts and 5xx only (never on a 4xx), and a circuit breaker that stops
 * calling a failing GitHub for a while. Fault Tolerance works through the CDI proxy, so callers inject this bean.
 * Every value can be tuned through MicroProfile Config, e.g.
 * {@code dev.issuecommand.github.GitHubTransport/exchange/Timeout/value}. Each exchange, retries included, fires a
 * {@link GitHubCallObserved} event. In demo mode the {@link GitHubStandIn} answers instead of the network.
 */
@ApplicationScoped
public class GitHubTransport {

    /** A backstop behind {@code @Timeout}, which is the limit that normally applies. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private HttpClient client;

    @Inject
    Event<GitHubCallObserved> calls;

    @Inject
    Settings settings;

    @Inject
    Instance<GitHubStandIn> standIn;

    /**
     * Answers are read and completed on the client's own selector thread (a direct executor): the caller waiting in
     * {@code send} is woken by that thread instead of by a pool thread the body was handed to first, one thread switch
     * fewer per GitHub call (docs/benchmarks.md). Nothing slow runs there: the body handler only collects a string.
     */
    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Runnable::run)
                .build();
    }

    /** Sends {@code request}; answers below 500 are returned for the caller to interpret. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 150, retryOn = {GitHubTransientException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = {GitHubTransientException.class, TimeoutException.class})
    public HttpResponse<String> exchange(HttpRequest request) {
        return exchangeUnguarded(request);
    }

    /**
     * As {@link #exchange}, never retried: for a request GitHub would carry out twice if it arrived twice (creating a
     * comment). A timeout may still leave GitHub doing it; the caller finds out by reading.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = {GitHubTransientException.class, TimeoutException.class})
    public HttpResponse<String> exchangeOnce(HttpRequest request) {
        return exchangeUnguarded(request);
    }

    private HttpResponse<String> exchangeUnguarded(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (IOException e) {
            calls.fire(new GitHubCallObserved(GitHubCallObserved.NO_ANSWER));
            throw new GitHubTransientException("GitHub is unreachable (" + e.getClass().getSimpleName() + ")", 503);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubTransientException("Interrupted while calling GitHub", 503);
        }
        calls.fire(new GitHubCallObserved(response.statusCode()));
        if (response.statusCode() >= 500) {
            throw new GitHubTransientException("GitHub answered " + response.statusCode(), 502);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        if (settings.demo()) {
            return standIn.get().exchange(request);
        }
        return client.send(withBackstop(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest withBackstop(HttpRequest request) {
        return request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
    }
}
