package dev.issuecommand.auth;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires {@code Authorization: Bearer <API_KEY>} on {@code /api} and {@code /sse} (docs/behaviour.md §8). The webhook
 * path authenticates itself (a GitHub signature or the same key), so it is left to its resource.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    /** Request property holding the caller's principal key (a hash of the presented token, never the token). */
    public static final String PRINCIPAL = "issuecommand.principal";

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/+", "");
        if (!path.startsWith("/api") && !path.startsWith("/sse")) {
            return;
        }
        if (settings.webhookEnabled() && path.equals(settings.webhookPath())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!ApiKey.matches(header, settings.apiKey())) {
            request.abortWith(ProblemResponses.builder(Problem.of(401, "unauthorized", "Unauthorized",
                    "Send Authorization: Bearer <API_KEY>"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        request.setProperty(PRINCIPAL, ApiKey.principalKey(header));
    }
}
