package dev.issuecommand.mcp.control;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.metrics.IssueCommandMetrics;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.ratelimit.control.RateLimits;
import dev.issuecommand.ratelimit.entity.Verdict;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The mutation rate limit on MCP over HTTP: a tool that changes something takes one token from the caller's
 * principal bucket and one from its {@code agent_id}'s, exactly as the mutation routes of the HTTP API do.
 * Calls relayed from a local stdio front are not limited (rate limits are for HTTP clients; stdio never had them).
 */
@ApplicationScoped
public class ToolCallGate {

    /** Transport-context key: the caller's principal (a hash of its bearer token, never the token). */
    public static final String PRINCIPAL = "principal";

    /** Transport-context key: the {@link Caller} its key authenticated. */
    public static final String CALLER = "caller";

    /** Transport-context key: true when a local stdio front relays the call for its MCP client. */
    public static final String RELAYED = "relayed";

    @Inject
    RateLimits limits;

    @Inject
    IssueCommandMetrics metrics;

    /** The caller of a tool call, as the HTTP request that carried it was authenticated. */
    public static Caller caller(McpTransportContext context) {
        Object caller = context == null ? null : context.get(CALLER);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("a tool call without an authenticated caller");
    }

    /** The refusal to answer instead of calling {@code tool}, or empty when the call may go on. */
    public Optional<CallToolResult> refusal(Tool tool, McpTransportContext context, Map<String, Object> arguments,
            McpJsonMapper json) {
        Object principal = context == null ? null : context.get(PRINCIPAL);
        if (tool.hints().readOnly() || !limits.enabled() || principal == null
                || Boolean.TRUE.equals(context.get(RELAYED))) {
            return Optional.empty();
        }
        Object named = arguments == null ? null : arguments.get("agent_id");
        Caller caller = caller(context);
        String agentId = caller.isAdmin() ? named instanceof String id ? id : null : caller.agentId();
        Verdict verdict = limits.mutation(principal.toString(), agentId);
        if (verdict.allowed()) {
            return Optional.empty();
        }
        metrics.rateLimited(verdict.scope());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ok", false);
        payload.put("error", "rate_limited");
        payload.put("scope", verdict.scope());
        payload.put("retry_after_seconds", verdict.retryAfterSeconds());
        payload.put("message", "Rate limit exceeded (" + verdict.scope() + "); retry in "
                + verdict.retryAfterSeconds() + " s");
        String text = JsonbConfiguration.JSONB.toJson(payload);
        return Optional.of(CallToolResult.builder().structuredContent(json, text).addTextContent(text)
                .isError(true).build());
    }
}
