package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.auth.RoutePath;
import dev.issuecommand.dashboard.control.OperatorSessions;
import dev.issuecommand.dashboard.entity.OperatorSession;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;

/**
 * Guards the dashboard's API, {@code /ui/api} (docs/behaviour.md §15): every route but signing in needs the session
 * cookie of a signed-in operator (401 {@code not_signed_in}), and every change also the session's CSRF token in
 * {@code X-CSRF-Token} from a page of this server's own origin (403 {@code csrf}). The operator becomes the request's
 * caller. Answers are never cached and carry the headers of {@link DashboardHeaders}. The JSON API's bearer keys play
 * no part here, and the session cookie plays none there.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class OperatorSessionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String API = "/ui/api";
    static final String SESSION_ROUTE = API + "/session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    @Inject
    OperatorSessions sessions;

    @Inject
    Callers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = RoutePath.of(request);
        if (!isDashboardApi(path)) {
            return;
        }
        boolean reads = isRead(request.getMethod());
        if (path.equals(SESSION_ROUTE) && (reads || HttpMethod.POST.equals(request.getMethod()))) {
            return;
        }
        Optional<OperatorSession> session = sessions.find(token(request));
        if (session.isEmpty()) {
            request.abortWith(ProblemResponses.of(Problem.of(401, "not_signed_in", "Not signed in",
                    "Sign in to the dashboard with the API key")));
            return;
        }
        if (!reads && !(sameOrigin(request) && session.get().acceptsCsrfToken(request.getHeaderString(CSRF_HEADER)))) {
            request.abortWith(ProblemResponses.of(Problem.of(403, "csrf", "Request refused",
                    "A change needs the page's " + CSRF_HEADER + " header, from this server's own pages")));
            return;
        }
        callers.serve(session.get().caller());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isDashboardApi(RoutePath.of(request))) {
            DashboardHeaders.API.forEach(response.getHeaders()::putSingle);
        }
    }

    /** The session token the browser sent, or null. */
    private static String token(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean isDashboardApi(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    /** False when the browser says the request came from a page of another origin; browsers send Origin on changes. */
    private static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = new URI(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(request.getHeaderString(HttpHeaders.HOST))
                    || authority.equalsIgnoreCase(request.getHeaderString("X-Forwarded-Host"));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
