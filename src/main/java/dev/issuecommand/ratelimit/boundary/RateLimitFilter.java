package dev.issuecommand.ratelimit.boundary;

import dev.issuecommand.auth.RoutePath;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.metrics.IssueCommandMetrics;
import dev.issuecommand.ratelimit.control.ClientAddress;
import dev.issuecommand.ratelimit.control.RateLimits;
import dev.issuecommand.ratelimit.entity.Verdict;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Per-IP limits of docs/behaviour.md §11, before authentication: every {@code /api} route, the webhook path and the
 * dashboard's sign-in take a token from the client's {@code ip} bucket, every {@code /sse} connection attempt one from
 * its {@code sse_connect} bucket.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class RateLimitFilter implements ContainerRequestFilter {

    /** The dashboard's sign-in route. */
    static final String SIGN_IN = "/ui/api/session";

    @Inject
    IssueCommandMetrics metrics;

    @Inject
    RateLimits limits;

    @Inject
    Settings settings;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!limits.enabled()) {
            return;
        }
        String path = RoutePath.of(request);
        Verdict verdict;
        if (path.equals("/sse") || path.startsWith("/sse/")) {
            verdict = limits.sseConnect(clientIp(request));
        } else if (path.equals("/api") || path.startsWith("/api/") || path.equals(settings.webhookPath())
                || isSignIn(request.getMethod(), path)) {
            verdict = limits.api(clientIp(request));
        } else {
            return;
        }
        if (!verdict.allowed()) {
            metrics.rateLimited(verdict.scope());
            request.abortWith(TooManyRequests.of(verdict));
        }
    }

    /** The dashboard's sign-in, where the API key is tried: limited per IP like the API, so keys cannot be guessed. */
    private static boolean isSignIn(String method, String path) {
        return HttpMethod.POST.equals(method) && (path.equals(SIGN_IN) || path.equals(SIGN_IN + "/"));
    }

    private String clientIp(ContainerRequestContext request) {
        return ClientAddress.resolve(settings.trustProxy(), request.getHeaderString("X-Forwarded-For"),
                request.getHeaderString("X-Real-IP"), servletRequest.getRemoteAddr());
    }
}
