package dev.issuecommand.auth;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;

/**
 * The path a request is routed by, for the filters that decide by path before routing: its segments as sent (still
 * encoded, as JAX-RS matches them) without matrix parameters, which routing ignores, so {@code /api/admin;x=1/agents}
 * is {@code /api/admin/agents} here as it is to the resource.
 */
public final class RoutePath {

    private RoutePath() {
    }

    /** {@code /} and the segments of {@code uri}'s path, matrix parameters left out; never starts with {@code //}. */
    public static String of(UriInfo uri) {
        String path = uri.getPathSegments(false).stream().map(PathSegment::getPath)
                .collect(Collectors.joining("/"));
        return "/" + path.replaceFirst("^/+", "");
    }
}
