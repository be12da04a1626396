package dev.issuecommand.ratelimit.control;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The mutation routes of docs/behaviour.md §11, matched by method and path whether or not the route exists yet. */
public final class MutationRoutes {

    private record Route(String method, Pattern path) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", Pattern.compile("/api/claims/?")),
            new Route("PATCH", Pattern.compile("/api/claims/[^/]+/?")),
            new Route("DELETE", Pattern.compile("/api/claims/[^/]+/?")),
            new Route("POST", Pattern.compile("/api/claims/[^/]+/heartbeat/?")),
            new Route("POST", Pattern.compile("/api/next/?")),
            new Route("POST", Pattern.compile("/api/next-work/?")),
            new Route("PATCH", Pattern.compile("/api/followups/[^/]+/?")),
            new Route("DELETE", Pattern.compile("/api/quarantine/[^/]+/[^/]+/[^/]+/?")));

    private MutationRoutes() {
    }

    public static boolean matches(String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        return ROUTES.stream().anyMatch(route -> route.method().equals(verb) && route.path().matcher(path).matches());
    }
}
