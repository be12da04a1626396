package dev.issuecommand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One MCP session on the server's Streamable HTTP endpoint {@code /mcp}, through the JDK {@link HttpClient}. */
public final class McpHttpSession implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String key;
    private String sessionId;

    private McpHttpSession(URI uri, String key, String sessionId) {
        this.uri = uri;
        this.key = key;
        this.sessionId = sessionId;
    }

    /** Opens a session: {@code initialize} (its answer names the session), then {@code notifications/initialized}. */
    public static McpHttpSession open(int port) throws IOException, InterruptedException {
        return open(port, ServerProcess.API_KEY);
    }

    /** Opens a session as {@link #open(int)} does, sending {@code key} (the shared key or an agent key) as bearer. */
    public static McpHttpSession open(int port, String key) throws IOException, InterruptedException {
        McpHttpSession session = new McpHttpSession(endpoint(port), key, null);
        HttpResponse<String> response = session.post(McpMessages.initialize(0));
        session.sessionId = response.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IOException("initialize gave HTTP " + response.statusCode()
                        + " without Mcp-Session-Id: " + response.body()));
        session.post(McpMessages.INITIALIZED);
        return session;
    }

    /** The same session, its requests sent with {@code otherKey} as bearer instead. */
    public McpHttpSession withKey(String otherKey) {
        return new McpHttpSession(uri, otherKey, sessionId);
    }

    /** Sends a request and returns its answer. */
    public JsonNode request(long id, String message) throws IOException, InterruptedException {
        HttpResponse<String> response = post(message);
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        if (!stream) {
            return McpMessages.JSON.readTree(response.body());
        }
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data:")) {
                JsonNode answer = McpMessages.JSON.readTree(line.substring(5).strip());
                if (answer.path("id").asLong(-1) == id) {
                    return answer;
                }
            }
        }
        throw new IOException("HTTP " + response.statusCode() + " without the answer to " + id);
    }

    /**
     * Sends {@code message} with this session's id to the server on {@code port} instead, as a load balancer without
     * client affinity would, and returns the HTTP status of the answer.
     */
    public int statusAt(int port, String message) throws IOException, InterruptedException {
        return post(endpoint(port), message).statusCode();
    }

    private HttpResponse<String> post(String message) throws IOException, InterruptedException {
        return post(uri, message);
    }

    private HttpResponse<String> post(URI target, String message) throws IOException, InterruptedException {
        return http.send(base(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    private HttpRequest.Builder base(URI target) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", McpMessages.PROTOCOL_VERSION);
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        return builder;
    }

    /** Ends the session ({@code DELETE /mcp}). */
    @Override
    public void close() throws IOException, InterruptedException {
        http.send(base(uri).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
