package dev.issuecommand.mcp.boundary;

import dev.issuecommand.config.FatalStartup;
import dev.issuecommand.config.Settings;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.mcp.control.HttpPort;
import dev.issuecommand.mcp.control.StdioChannel;
import dev.issuecommand.mcp.control.ToolTable;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP stdio bridge (SPEC §1, §10): started with the application, it serves the {@link ToolTable} on the
 * process's real stdin and stdout (the launcher sent {@code System.out} to stderr, so stdout carries only MCP).
 * When stdin ends before any client initialized a session, the bridge stays idle and HTTP keeps serving; when a
 * client that had initialized closes stdin, the whole process stops gracefully, as the MCP stdio spec asks.
 */
@ApplicationScoped
public class McpBridge {

    static final String SERVER_NAME = "issuecommand";
    static final String SERVER_VERSION = "1.0.0";
    private static final String INSTRUCTIONS = "IssueCommand coordinates GitHub issue work between AI agents so that "
            + "no two agents work on the same issue. Always pass the same agent_id. Start with get_my_work to resume; "
            + "take new work with next_issue (or claim_issue for a given issue); report progress with "
            + "update_claim_status and keep long work alive with heartbeat_claim; release_issue when you give up.";

    @Inject
    ToolTable tools;

    @Inject
    Settings settings;

    private volatile McpSyncServer server;
    private volatile boolean stopping;

    /**
     * Runs after the database has opened (default-priority observers run first). Only under our launcher (the
     * runnable jar) do stdin and stdout belong to this application; deployed into some other server they do not.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
            Object event) {
        if (!Boolean.getBoolean(FatalStartup.LAUNCHER_PROPERTY)) {
            JsonLog.info("mcp.bridge.disabled", "message", "not started by the runnable jar's launcher: "
                    + "stdin and stdout are not ours, so the MCP stdio bridge stays off");
            return;
        }
        if (!HttpPort.free(settings.httpHost(), settings.httpPort())) {
            JsonLog.warn("http.port_in_use", "port", settings.httpPort(), "host", settings.httpHost(),
                    "message", "HTTP_PORT " + settings.httpPort() + " is already in use by another process: "
                            + "this process serves MCP over stdio only");
        }
        try {
            McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
            StdioChannel channel = new StdioChannel(json, new FileInputStream(FileDescriptor.in),
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                    this::initialized, this::ended);
            ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
            server = serve(channel, json, tools.specifications(json, contextLoader));
            JsonLog.info("mcp.bridge.started", "tools", tools.tools().size());
        } catch (RuntimeException e) {
            JsonLog.error("mcp.bridge.failed", "error", e.getClass().getName(), "message", e.getMessage());
        }
    }

    /** The MCP server over {@code channel}: tools only, our own argument checks instead of the SDK's schema checks. */
    static McpSyncServer serve(StdioChannel channel, McpJsonMapper json, List<SyncToolSpecification> specifications) {
        return McpServer.sync(channel)
                .serverInfo(SERVER_NAME, SERVER_VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(JsonMapper.shared()))
                .validateToolInputs(false)
                .tools(specifications.stream().map(channel::counted).toList())
                .build();
    }

    private void initialized() {
        JsonLog.info("mcp.session.initialized", "jvm_uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private void ended(boolean hadSession) {
        if (stopping) {
            return;
        }
        if (!hadSession) {
            JsonLog.info("mcp.stdin.idle", "message", "stdin ended before any MCP client initialized a session; "
                    + "the MCP bridge stays idle and HTTP keeps serving");
            return;
        }
        JsonLog.info("mcp.session.ended", "message", "the MCP client closed stdin; shutting down");
        stopping = true;
        Thread exit = new Thread(() -> System.exit(0), "mcp-stdin-closed-exit");
        exit.setDaemon(false);
        exit.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        McpSyncServer running = server;
        if (running != null) {
            running.closeGracefully();
        }
    }
}
