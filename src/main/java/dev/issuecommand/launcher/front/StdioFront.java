package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.LauncherLog;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MCP server an MCP client spawns over stdio (newline-delimited JSON-RPC). It answers {@code initialize},
 * {@code tools/list} and {@code ping} itself from the build-time {@link Catalog}, at once, whatever the server is
 * doing; every other message goes to the server's {@code /mcp} through {@link McpRelay}, each call on its own thread.
 * A call made while no server answers yet waits for one (up to {@link #CALL_WAIT_SECONDS}); a call the server stops
 * answering gets a JSON-RPC error saying so. stdout carries nothing but these messages.
 */
public final class StdioFront {

    static final long CALL_WAIT_SECONDS = 180;
    static final long DRAIN_SECONDS = 30;

    private Catalog catalog;
    private final McpRelay relay;
    private final ServerKeeper keeper;
    private final OutputStream out;
    private final Runnable onInitialized;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemon("issuecommand-front-call"));
    private final AtomicBoolean initialized = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    StdioFront(McpRelay relay, ServerKeeper keeper, OutputStream out, Runnable onInitialized) {
        this.relay = relay;
        this.keeper = keeper;
        this.out = out;
        this.onInitialized = onInitialized;
    }

    /** True once a client has sent {@code initialize}. */
    public boolean initialized() {
        return initialized.get();
    }

    /** Serves {@code in} until it ends; then waits for the calls in flight and ends the server session. */
    public void serve(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    receive(line);
                }
            }
        } catch (IOException e) {
            LauncherLog.warn("mcp.stdin.failed", "message", String.valueOf(e));
        }
        drain();
    }

    /** The catalog, read at the first message: only a process that serves a client touches JSON Processing. */
    private synchronized Catalog catalog() {
        if (catalog == null) {
            JulRouting.keepStderrJson();
            catalog = Catalog.packaged();
        }
        return catalog;
    }

    /** One message from the client. */
    void receive(String line) {
        Catalog catalog = catalog();
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonStructure structure = reader.read();
            if (!(structure instanceof JsonObject object)) {
                write(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Batches are not supported; send one message "
                        + "per line"));
                return;
            }
            message = object;
        } catch (JsonException e) {
            write(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: not a JSON object"));
            return;
        }
        JsonValue id = message.get("id");
        String method = message.get("method") instanceof JsonString name ? name.getString() : null;
        if (method == null || id == null) {
            if (!"notifications/initialized".equals(method)) {
                relayAsync(null, line);
            }
            return;
        }
        switch (method) {
            case "initialize" -> {
                JsonObject params = message.getJsonObject("params");
                String version = params != null && params.get("protocolVersion") instanceof JsonString v
                        ? v.getString() : null;
                write(JsonRpc.result(id, catalog.initializeResult(version)));
                if (initialized.compareAndSet(false, true)) {
                    LauncherLog.info("mcp.session.initialized", "since_spawn_ms", sinceSpawnMillis());
                    onInitialized.run();
                }
            }
            case "tools/list" -> write(JsonRpc.result(id, catalog.toolsListResult()));
            case "ping" -> write(JsonRpc.result(id, JsonValue.EMPTY_JSON_OBJECT));
            default -> relayAsync(id, line);
        }
    }

    /** Sends {@code line} to the server on a call thread; {@code id} is the request's, null for other messages. */
    private void relayAsync(JsonValue id, String line) {
        inFlight.incrementAndGet();
        calls.execute(() -> {
            try {
                answer(id, relay(line, id != null));
            } catch (McpRelay.ServerGoneException e) {
                if (id != null) {
                    write(JsonRpc.error(id, JsonRpc.SERVER_UNAVAILABLE, e.getMessage()));
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** The server's messages for {@code line}; waits for a server while none answers and nothing was sent. */
    private List<String> relay(String line, boolean request) throws McpRelay.ServerGoneException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(request ? CALL_WAIT_SECONDS : 5);
        while (true) {
            try {
                return relay.forward(line);
            } catch (McpRelay.ServerGoneException e) {
                if (!e.notSent()) {
                    if (relay.lost()) {
                        keeper.lost();
                    }
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new McpRelay.ServerGoneException(e.getMessage() + keeper.why(), true, e);
                }
                keeper.ensure();
                pause(250);
            }
        }
    }

    /** Writes the server's messages; a request left without its answer gets an error instead. */
    private void answer(JsonValue id, List<String> replies) {
        boolean answered = id == null;
        String refusal = null;
        for (String reply : replies) {
            JsonObject message = Json.createReader(new StringReader(reply)).readObject();
            JsonValue replyId = message.get("id");
            if (id != null && id.equals(replyId)) {
                answered = true;
                write(reply);
            } else if ((replyId == null || replyId == JsonValue.NULL) && message.containsKey("error")) {
                refusal = message.getJsonObject("error").getString("message", null);
            } else {
                write(reply);
            }
        }
        if (!answered) {
            write(JsonRpc.error(id, JsonRpc.SERVER_UNAVAILABLE, refusal != null ? "IssueCommand server: " + refusal
                    : "the IssueCommand server ended the call without an answer (it may be shutting down)"));
        }
    }

    /**
     * Waits for the calls the server is answering (at most {@link #DRAIN_SECONDS}), then ends the server session.
     * Calls still waiting for a server to come up are not waited for: their client is gone.
     */
    private void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (inFlight.get() > 0 && relay.connected() && System.nanoTime() < deadline) {
            pause(20);
        }
        calls.shutdownNow();
        relay.close();
    }

    private void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String sinceSpawnMillis() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> String.valueOf(java.time.Duration.between(start, java.time.Instant.now()).toMillis()))
                .orElse("unknown");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
