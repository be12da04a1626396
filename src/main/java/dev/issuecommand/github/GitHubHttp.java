package dev.issuecommand.github;

import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.config.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * HTTP to GitHub's REST API (docs/behaviour.md §6): bearer token, API version header, {@code Link} pagination,
 * conditional requests through {@link EtagCache}, rate-limit back-off through {@link RateLimitGate}, and fault
 * tolerance through {@link GitHubTransport}. Failures become {@link GitHubNotFoundException} or
 * {@link GitHubUnavailableException}; nothing of GitHub's error text leaks beyond a short reason.
 */
@ApplicationScoped
public class GitHubHttp {

    private static final int MAX_PAGES = 50;

    @Inject
    Settings settings;

    @Inject
    EtagCache etags;

    @Inject
    RateLimitGate rateLimit;

    @Inject
    GitHubTransport transport;

    /** GETs one JSON document at {@code path} (relative to {@code GITHUB_API_URL}). */
    public JsonStructure get(String path) {
        return send(uri(path), "GET", null).json();
    }

    /** GETs every page of a JSON array, following {@code Link: rel="next"}. */
    public List<JsonObject> getAll(String path) {
        List<JsonObject> items = new ArrayList<>();
        URI next = uri(path + (path.contains("?") ? "&" : "?") + "per_page=100");
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            Answer answer = send(next, "GET", null);
            JsonStructure json = answer.json();
            if (!(json instanceof JsonArray array)) {
                throw new GitHubUnavailableException("GitHub answered an unexpected document for " + path, 502);
            }
            array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                    .map(JsonValue::asJsonObject).forEach(items::add);
            next = answer.nextPage().orElse(null);
        }
        return items;
    }

    /** Sends a PATCH with a JSON body. */
    public JsonStructure patch(String path, JsonObject body) {
        return send(uri(path), "PATCH", body.toString()).json();
    }

    /** Sends a POST with a JSON body; retried like a GET, so only for requests that may arrive twice. */
    public JsonStructure post(String path, JsonObject body) {
        return send(uri(path), "POST", body.toString()).json();
    }

    /** Sends a POST with a JSON body once: a request that would do its work twice if it arrived twice. */
    public JsonStructure postOnce(String path, JsonObject body) {
        return send(uri(path), "POST", body.toString(), false).json();
    }

    /** Sends a DELETE. */
    public void delete(String path) {
        send(uri(path), "DELETE", null, true);
    }

    private URI uri(String path) {
        return URI.create(settings.githubApiUrl() + path);
    }

    private Answer send(URI uri, String method, String body) {
        return send(uri, method, body, true);
    }

    private Answer send(URI uri, String method, String body, boolean retried) {
        rateLimit.check();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + settings.githubToken())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "IssueCommand");
        Optional<EtagCache.Entry> cached = Optional.empty();
        boolean get = "GET".equals(method);
        if (get) {
            cached = etags.lookup(uri.toString());
            cached.ifPresent(entry -> request.header("If-None-Match", entry.etag()));
            request.GET();
        } else if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(request.build(), retried);
        int status = response.statusCode();
        if (status == 304 && cached.isPresent()) {
            return new Answer(cached.get().body(), cached.get().nextLink());
        }
        if (rateLimit.observe(status, name -> response.headers().firstValue(name))) {
            rateLimit.check();
            throw new GitHubUnavailableException("GitHub rate limit reached", 503, 60);
        }
        if (status == 404 || status == 410) {
            throw new GitHubNotFoundException("GitHub has no " + uri.getPath());
        }
        if (status == 401) {
            throw new GitHubUnavailableException("GitHub rejected the token (401)", 502);
        }
        if (status == 403) {
            throw new GitHubForbiddenException("GitHub answered 403");
        }
        if (status < 200 || status >= 300) {
            throw new GitHubUnavailableException("GitHub answered " + status, 502);
        }
        String next = response.headers().firstValue("Link").flatMap(LinkHeader::next).orElse(null);
        if (get) {
            response.headers().firstValue("ETag")
                    .ifPresent(etag -> etags.store(uri.toString(), new EtagCache.Entry(etag, response.body(), next)));
        }
        return new Answer(response.body(), next);
    }

    private HttpResponse<String> exchange(HttpRequest request, boolean retried) {
        try {
            return retried ? transport.exchange(request) : transport.exchangeOnce(request);
        } catch (CircuitBreakerOpenException e) {
            throw new GitHubUnavailableException("GitHub calls are paused after repeated failures", 503, 15);
        } catch (TimeoutException e) {
            // Fault Tolerance ended the call by interrupting this thread; the request thread goes on, uninterrupted.
            Thread.interrupted();
            throw new GitHubUnavailableException("GitHub did not answer in time", 503);
        } catch (FaultToleranceException e) {
            throw new GitHubUnavailableException("GitHub call failed", 503);
        }
    }

    /** A successful answer: its body and the next page, if any. */
    private record Answer(String body, String nextLink) {

        JsonStructure json() {
            if (body == null || body.isBlank()) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            try (var reader = JsonFactories.reader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new GitHubUnavailableException("GitHub answered with invalid JSON", 502);
            }
        }

        Optional<URI> nextPage() {
            return Optional.ofNullable(nextLink).map(URI::create);
        }
    }
}
