package dev.issuecommand.dashboard.boundary;

import java.util.Map;

/** The security headers of the dashboard's page and API (docs/behaviour.md §15). */
final class DashboardHeaders {

    /**
     * Only this server's own scripts, styles, images and connections; no inline script, no inline style, no frames, no
     * plug-ins, forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** On every answer, file or API. */
    private static final Map<String, String> COMMON = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /** On every file of the page. */
    static final Map<String, String> PAGE = with(COMMON, "Cross-Origin-Opener-Policy", "same-origin");

    /** On every answer of the page's API: never kept by a cache. */
    static final Map<String, String> API = with(COMMON, "Cache-Control", "no-store");

    private DashboardHeaders() {
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return Map.copyOf(all);
    }
}
