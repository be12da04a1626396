package dev.issuecommand.launcher.front;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The front's MCP session with the server's {@code /mcp} (Streamable HTTP, MCP 2025-11-25): opens it with its own
 * {@code initialize}, posts each message of the stdio client with the session id, and returns what the server answers
 * (a JSON body, or the messages of an event stream). A session the server no longer knows (404) is opened again and
 * the message sent once more; a server that cannot be reached raises {@link ServerGoneException}.
 */
final class McpRelay {

    private final FrontSettings settings;
    private final AtomicLong ids = new AtomicLong();
    private volatile String sessionId;

    McpRelay(FrontSettings settings) {
        this.settings = settings;
    }

    /**
     * Thrown when the server does not answer, or stops answering in the middle of a call. {@code notSent} tells that
     * the message never reached the server (nothing listens yet, or it is still starting), so it may be sent again.
     */
    static final class ServerGoneException extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean notSent;

        ServerGoneException(String message, boolean notSent, Throwable cause) {
            super(message, cause);
            this.notSent = notSent;
        }

        boolean notSent() {
            return notSent;
        }
    }

    /** True once a session with the server is open. */
    boolean connected() {
        return sessionId != null;
    }

    /** Opens a session with the server (its own {@code initialize} and {@code notifications/initialized}). */
    synchronized void connect() throws ServerGoneException {
        if (sessionId != null) {
            return;
        }
        if (!ServerPort.accepts(settings.baseUrl(), settings.port())) {
            throw new ServerGoneException("no IssueCommand server answers at " + settings.baseUrl(), true, null);
        }
        JsonObject params = Json.createObjectBuilder()
                .add("protocolVersion", Catalog.SERVER_PROTOCOL_VERSION)
                .add("capabilities", Json.createObjectBuilder())
                .add("clientInfo", Json.createObjectBuilder().add("name", "issuecommand-stdio-front")
                        .add("version", "1.0.0"))
                .build();
        HttpResponse<Stream<String>> response = post(JsonRpc.request("front-init-" + ids.incrementAndGet(),
                "initialize", params).toString(), null);
        List<String> answer = messages(response);
        String id = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        if (response.statusCode() != 200 || id == null || answer.isEmpty()) {
            throw new ServerGoneException("the IssueCommand server at " + settings.baseUrl()
                    + " refused to open an MCP session (HTTP " + response.statusCode() + ")", true, null);
        }
        post(JsonRpc.request(null, "notifications/initialized", null).toString(), id).body().close();
        sessionId = id;
    }

    /** Sends one message of the client and returns the server's messages in answer (none for a notification). */
    List<String> forward(String message) throws ServerGoneException {
        for (int attempt = 0; ; attempt++) {
            connect();
            String session = sessionId;
            HttpResponse<Stream<String>> response = post(message, session);
            if (response.statusCode() == 404 && attempt == 0) {
                response.body().close();
                forget(session);
                continue;
            }
            if (response.statusCode() == 202) {
                response.body().close();
                return List.of();
            }
            return messages(response);
        }
    }

    /** Keeps the session (and an idle-stopping server) alive; false when the server could not be reached. */
    boolean ping() {
        try {
            forward(JsonRpc.request("front-ping-" + ids.incrementAndGet(), "ping", null).toString());
            return true;
        } catch (ServerGoneException e) {
            return false;
        }
    }

    /** Ends the session on the server, if one is open ({@code DELETE /mcp}). */
    void close() {
        String session = sessionId;
        sessionId = null;
        if (session == null) {
            return;
        }
        HttpRequest request = base(session).timeout(Duration.ofSeconds(2)).DELETE().build();
        try {
            ServerPort.http().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server is gone already: nothing to end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops {@code session} after the server lost it, so that the next message opens a new one. */
    synchronized void forget(String session) {
        if (session != null && session.equals(sessionId)) {
            sessionId = null;
        }
    }

    /** Drops the current session without telling the server (it went away); false when none was open. */
    synchronized boolean lost() {
        boolean open = sessionId != null;
        sessionId = null;
        return open;
    }

    private HttpResponse<Stream<String>> post(String body, String session) throws ServerGoneException {
        HttpRequest request = base(session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return ServerPort.http().send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServerGoneException("no IssueCommand server answers at " + settings.baseUrl(), true, e);
        } catch (IOException e) {
            throw new ServerGoneException("the IssueCommand server at " + settings.baseUrl()
                    + " went away during the call (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerGoneException("interrupted", false, e);
        }
    }

    private HttpRequest.Builder base(String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve("/mcp"))
                .header("Authorization", settings.authorization())
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", Catalog.SERVER_PROTOCOL_VERSION)
                .header("X-IssueCommand-Relay", "stdio");
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request;
    }

    /**
     * The JSON-RPC messages of an answer: the body itself when it is JSON, each event's data when it is an event
     * stream. A stream that breaks before its answer arrived means the server went away.
     */
    private List<String> messages(HttpResponse<Stream<String>> response) throws ServerGoneException {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        List<String> messages = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            if (!stream) {
                String body = String.join("\n", lines.toList()).strip();
                if (!body.isEmpty()) {
                    messages.add(compact(body));
                }
                return messages;
            }
            StringBuilder data = new StringBuilder();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        messages.add(compact(data.toString()));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
            if (data.length() > 0) {
                messages.add(compact(data.toString()));
            }
            return messages;
        } catch (RuntimeException e) {
            throw new ServerGoneException("the IssueCommand server at " + settings.baseUrl()
                    + " went away during the call", false, e);
        }
    }

    /** One line of JSON, as MCP stdio needs it (a message must not contain a newline). */
    private static String compact(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue().toString();
        }
    }
}
