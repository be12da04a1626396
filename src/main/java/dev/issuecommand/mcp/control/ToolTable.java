package dev.issuecommand.mcp.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.mcp.entity.Tool;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every tool of every {@link ToolGroup}, sorted by name, as the MCP SDK's tool specifications (docs/behaviour.md §10).
 */
@ApplicationScoped
public class ToolTable {

    @Inject
    @Any
    Instance<ToolGroup> groups;

    @Inject
    Callers callers;

    /** The tools, sorted by name; two tools with one name are a programming error. */
    public List<Tool> tools() {
        List<Tool> tools = groups.stream().flatMap(group -> group.tools().stream())
                .sorted(Comparator.comparing(Tool::name)).toList();
        Set<String> names = new HashSet<>();
        for (Tool tool : tools) {
            if (!names.add(tool.name())) {
                throw new IllegalStateException("Two MCP tools are named " + tool.name());
            }
        }
        return tools;
    }

    /**
     * The SDK specifications; calls pass {@code gate} first and run for their caller (the key of their HTTP request)
     * with {@code contextLoader} as the thread's context class loader.
     */
    public List<AsyncToolSpecification> specifications(McpJsonMapper json, ClassLoader contextLoader,
            ToolCallGate gate) {
        return tools().stream().map(tool -> specification(tool, json, contextLoader, gate)).toList();
    }

    /** The tools as the SDK describes them to clients ({@code tools/list}), in the table's order. */
    public static List<McpSchema.Tool> definitions(List<Tool> tools) {
        return tools.stream().map(ToolTable::definition).toList();
    }

    /**
     * Runs the call on Reactor's bounded elastic pool, as the SDK runs synchronous handlers; a call that waits for
     * work (docs/behaviour.md §18) gives that thread back and is answered when its future completes.
     */
    private AsyncToolSpecification specification(Tool tool, McpJsonMapper json, ClassLoader contextLoader,
            ToolCallGate gate) {
        return AsyncToolSpecification.builder()
                .tool(definition(tool))
                .callHandler((exchange, request) -> Mono.fromCallable(() -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(contextLoader);
                    try {
                        Caller caller = ToolCallGate.caller(exchange.transportContext());
                        return gate.refusal(tool, exchange.transportContext(), request.arguments(), json)
                                .map(CompletableFuture::completedFuture)
                                .orElseGet(() -> callers.as(caller,
                                        () -> ToolCalls.answer(tool, request.arguments(), json, caller)));
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                }).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture))
                .build();
    }

    private static McpSchema.Tool definition(Tool tool) {
        McpSchema.Tool.Builder definition = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .annotations(new McpSchema.ToolAnnotations(tool.title(), tool.hints().readOnly(),
                        tool.hints().destructive(), tool.hints().idempotent(), tool.hints().openWorld(), null));
        if (tool.outputSchema() != null) {
            definition.outputSchema(tool.outputSchema());
        }
        return definition.build();
    }
}
