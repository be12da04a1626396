package dev.issuecommand.mcp.boundary;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.config.ShutdownHook;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.mcp.control.ServerIdentity;
import dev.issuecommand.mcp.control.ToolCallGate;
import dev.issuecommand.mcp.control.ToolTable;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.Priority;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server of the application, on the Streamable HTTP transport of the official MCP Java SDK at {@code /mcp}.
 * Built on a managed thread once the application has started, so that the server's start does not wait for the SDK
 * (about a second of class loading and schema building); {@link McpServlet} hands it every request that passed
 * {@link McpAccessFilter}, and a request that comes before it is built waits for it.
 * Sessions idle for {@code MCP_SESSION_IDLE_MINUTES} are ended by the SDK's sweeper; a request naming an ended or
 * unknown session is answered 404, as the MCP specification asks.
 */
@ApplicationScoped
public class McpEndpoint {

    /** Path of the endpoint inside the application. */
    public static final String PATH = "/mcp";

    /** How long stopping waits for the sessions to close. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    @Inject
    ToolTable tools;

    @Inject
    ToolCallGate gate;

    @Inject
    Settings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final CompletableFuture<HttpServletStreamableServerTransportProvider> transport = new CompletableFuture<>();
    private volatile McpAsyncServer server;
    private ShutdownHook shutdownHook;

    /** Runs after the database has opened (default-priority observers run first) and starts building the server. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object event) {
        // open event streams and calls of MCP clients would hold a SIGTERM in Liberty's 30 s quiesce
        shutdownHook = ShutdownHook.add("issuecommand-mcp-close", this::closeSessions);
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        executor.execute(() -> {
            try {
                transport.complete(build(contextLoader));
            } catch (RuntimeException | Error e) {
                transport.completeExceptionally(e);
                JsonLog.error("mcp.endpoint.failed", "path", PATH, "error", e.getClass().getName());
            }
        });
    }

    private HttpServletStreamableServerTransportProvider build(ClassLoader contextLoader) {
        McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
        HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new ErrorSafeJsonMapper(json))
                .mcpEndpoint(PATH)
                .maxRequestSize(McpAccessFilter.MAX_BODY_BYTES)
                .sessionSweepInterval(settings.mcpSessionIdle())
                .contextExtractor(McpEndpoint::context)
                .build();
        server = McpServer.async(provider)
                .serverInfo(ServerIdentity.NAME, ServerIdentity.VERSION)
                .instructions(ServerIdentity.INSTRUCTIONS)
                .capabilities(ServerIdentity.CAPABILITIES)
                .jsonMapper(json)
                .jsonSchemaValidator(ServerIdentity.schemaValidator())
                .validateToolInputs(false)
                .tools(tools.specifications(json, contextLoader, gate))
                .build();
        JsonLog.info("mcp.endpoint.started", "path", PATH, "tools", tools.tools().size());
        return provider;
    }

    /** The transport that serves {@code /mcp}, waiting up to {@code wait} for it to be built; empty if it is not. */
    Optional<HttpServletStreamableServerTransportProvider> transport(Duration wait) {
        try {
            return Optional.of(transport.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static McpTransportContext context(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            values.put(ToolCallGate.PRINCIPAL, ApiKey.principalKey(authorization));
        }
        Object caller = request.getAttribute(McpAccessFilter.CALLER_ATTRIBUTE);
        if (caller != null) {
            values.put(ToolCallGate.CALLER, caller);
        }
        values.put(ToolCallGate.RELAYED, Boolean.TRUE.equals(request.getAttribute(McpAccessFilter.RELAYED_ATTRIBUTE)));
        return McpTransportContext.create(values);
    }

    @PreDestroy
    void stop() {
        if (shutdownHook != null) {
            shutdownHook.remove();
        }
        closeSessions();
    }

    /** Ends every session, and with it the event streams clients hold open; at most {@link #CLOSE_WAIT}. */
    private void closeSessions() {
        McpAsyncServer running = server;
        if (running != null) {
            try {
                running.closeGracefully().block(CLOSE_WAIT);
            } catch (RuntimeException e) {
                JsonLog.warn("mcp.endpoint.close_failed", "error", e.getClass().getName());
            }
        }
    }
}
