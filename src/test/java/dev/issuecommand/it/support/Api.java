package dev.issuecommand.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP client for the tests: sends JSON with the API key and reads the answer as JSON. Given several servers,
 * it sends each request to the next one in turn, as a round-robin load balancer would.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final String apiKey;

    /** An answer: status, body text, and the body as JSON (a missing node when it was not JSON). */
    public record Answer(int status, String text, JsonNode json, HttpResponse<String> raw) {
    }

    public Api(String base, String apiKey) {
        this(List.of(base), apiKey);
    }

    /** Requests go to each of {@code bases} in turn. */
    public Api(List<String> bases, String apiKey) {
        this.bases = List.copyOf(bases);
        this.apiKey = apiKey;
    }

    private String nextBase() {
        return bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
    }

    public Answer get(String path) {
        return send("GET", path, null, apiKey);
    }

    /** A GET without the API key, as a scraper or a browser sends it; {@code accept} (null: none) as Accept. */
    public Answer getPublic(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextBase() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, apiKey);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body, apiKey);
    }

    public Answer delete(String path, Object body) {
        return send("DELETE", path, body, apiKey);
    }

    /** {@code POST /api/claims}: {@code agent} claims issue {@code issue} of {@code repo}. */
    public Answer claim(String agent, String repo, int issue) {
        return post("/api/claims", Map.of("agent_id", agent, "repo", repo, "issue_number", issue));
    }

    /** Claims as {@link #claim} and answers the new claim's id; fails unless the claim was granted. */
    public String claimId(String agent, String repo, int issue) {
        Answer answer = claim(agent, repo, issue);
        if (answer.status() != 200) {
            throw new AssertionError("claim of " + repo + "#" + issue + " by " + agent + " refused: " + answer.text());
        }
        return answer.json().get("claim").get("claim_id").asText();
    }

    /** Sends {@code body} (a String as is, anything else as JSON) with {@code key} as bearer token (null: none). */
    public Answer send(String method, String path, Object body, String key) {
        String text = body == null ? null : body instanceof String s ? s : toJson(body);
        return send(request(nextBase() + path, method, text, key == null ? null : "Bearer " + key));
    }

    /** Sends {@code body} (JSON; null: none) with {@code headers} and no bearer token, to the next server. */
    public Answer sendWith(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextBase() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : toJson(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * A request to {@code url} (spaces encoded) with {@code body} (null: none) as JSON and {@code authorization} as
     * the Authorization header (null or empty: none), answered within 30 seconds.
     */
    public static HttpRequest request(String url, String method, String body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replace(" ", "%20")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null && !authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), parse(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code request} without waiting for the end of a successful body: for an event stream, which never ends,
     * the answer holds the status and an empty text; an error answer is read whole.
     */
    public Answer sendStreaming(HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                String text = response.statusCode() >= 300
                        ? new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : "";
                return new Answer(response.statusCode(), text, parse(text), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first server's address, for connections the test opens itself (an event stream, a raw socket). */
    public String base() {
        return bases.get(0);
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
