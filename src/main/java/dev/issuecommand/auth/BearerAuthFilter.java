package dev.issuecommand.auth;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires a key on {@code /api} and {@code /sse} (docs/behaviour.md §8, §14): the shared {@code API_KEY}
 * (the administrator) or an agent key, whose agent becomes the request's caller. {@code /api/admin} is the
 * administrator's alone; with {@code AGENT_KEYS_REQUIRED} the shared key no longer changes claims or work itself. The
 * webhook path authenticates itself (a GitHub signature or the shared key), so it is left to its resource.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    /** Request property holding the caller's principal key (a hash of the presented token, never the token). */
    public static final String PRINCIPAL = "issuecommand.principal";

    private static final String ADMIN_ROUTES = "/api/admin";

    @Inject
    Settings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    Callers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = RoutePath.of(request);
        if (!path.startsWith("/api") && !path.startsWith("/sse")) {
            return;
        }
        if (settings.webhookEnabled() && path.equals(settings.webhookPath())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        KeyCheck check = authenticator.check(header);
        if (!(check instanceof KeyCheck.Valid valid)) {
            request.abortWith(ProblemResponses.builder(Authenticator.refusal(check))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        Caller caller = valid.caller();
        boolean adminRoute = path.equals(ADMIN_ROUTES) || path.startsWith(ADMIN_ROUTES + "/");
        if (adminRoute && !caller.isAdmin()) {
            request.abortWith(ProblemResponses.builder(Problem.of(403, "admin_only", "Admin only",
                    "Only the holder of API_KEY may use " + ADMIN_ROUTES)).build());
            return;
        }
        if (caller.isAdmin() && settings.agentKeysRequired() && !adminRoute && changesWork(request.getMethod(), path)) {
            request.abortWith(ProblemResponses.builder(Problem.of(403, "agent_key_required", "Agent key required",
                    "AGENT_KEYS_REQUIRED is set: agents use their own keys; API_KEY is for reading and /api/admin"))
                    .build());
            return;
        }
        request.setProperty(PRINCIPAL, ApiKey.principalKey(header));
        callers.serve(caller);
    }

    /**
     * True for a request that claims, moves or takes work (not a read, not the operator's sync, not the operator's
     * release of a quarantined issue, docs/behaviour.md §17).
     */
    private static boolean changesWork(String method, String path) {
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method)
                && !path.equals("/api/sync") && !path.startsWith("/api/quarantine/");
    }
}
