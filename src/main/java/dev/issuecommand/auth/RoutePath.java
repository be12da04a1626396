package dev.issuecommand.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The path a request is routed by, for the filters that decide by path before routing: its path as sent (still
 * encoded, as JAX-RS matches it) without matrix parameters, which routing ignores, so {@code /api/admin;x=1/agents}
 * is {@code /api/admin/agents} here as it is to the resource. Worked out once per request and kept on it.
 */
public final class RoutePath {

    private static final String PROPERTY = "issuecommand.route-path";

    private RoutePath() {
    }

    /** {@code /} and the path of {@code request}, matrix parameters left out; never starts with {@code //}. */
    public static String of(ContainerRequestContext request) {
        Object kept = request.getProperty(PROPERTY);
        if (kept instanceof String path) {
            return path;
        }
        String path = of(request.getUriInfo().getPath(false));
        request.setProperty(PROPERTY, path);
        return path;
    }

    /** {@code raw} (a request path) with one leading {@code /} and without matrix parameters. */
    static String of(String raw) {
        String path = raw.indexOf(';') < 0 ? raw : raw.replaceAll(";[^/]*", "");
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return "/" + path.substring(start);
    }
}
