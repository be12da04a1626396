package dev.issuecommand.ratelimit.boundary;

import dev.issuecommand.auth.BearerAuthFilter;
import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.auth.RoutePath;
import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.metrics.IssueCommandMetrics;
import dev.issuecommand.ratelimit.control.MutationRoutes;
import dev.issuecommand.ratelimit.control.RateLimits;
import dev.issuecommand.ratelimit.entity.Verdict;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The mutation limit of docs/behaviour.md §11, after authentication: each mutation takes one token from the principal's
 * bucket and one from the bucket of the agent it is for: the agent of the caller's agent key, or for the shared key
 * the body's {@code agent_id} (read here and handed on unchanged). An agent key naming another agent thus spends its
 * own agent's tokens, never the other's.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
public class MutationRateLimitFilter implements ContainerRequestFilter {

    @Inject
    IssueCommandMetrics metrics;

    @Inject
    RateLimits limits;

    @Inject
    Callers callers;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Object principal = request.getProperty(BearerAuthFilter.PRINCIPAL);
        if (!limits.enabled() || principal == null) {
            return;
        }
        String path = RoutePath.of(request);
        if (!MutationRoutes.matches(request.getMethod(), path)) {
            return;
        }
        Caller caller = callers.sender();
        Verdict verdict = limits.mutation(principal.toString(), caller.isAdmin() ? agentId(request) : caller.agentId());
        if (!verdict.allowed()) {
            metrics.rateLimited(verdict.scope());
            request.abortWith(TooManyRequests.of(verdict));
        }
    }

    /** The body's {@code agent_id} string, or null; the entity stream is replaced by a copy of what was read. */
    private static String agentId(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return null;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        try (var reader = JsonFactories.reader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object && object.get("agent_id") instanceof JsonString id) {
                return id.getString();
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
