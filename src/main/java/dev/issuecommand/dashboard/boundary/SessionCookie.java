package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.config.settings.Settings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

/**
 * The dashboard's session cookie (docs/behaviour.md §15): {@code HttpOnly} (no script reads it), {@code SameSite=Strict}
 * (no other site's page sends it), limited to {@code /ui}, and {@code Secure} when the request came over HTTPS, directly
 * or, with {@code TRUST_PROXY}, through a proxy that says so in {@code X-Forwarded-Proto}.
 */
final class SessionCookie {

    static final String NAME = "ic_session";
    private static final String PATH = "/ui";

    private SessionCookie() {
    }

    /** The cookie that hands {@code token} to the browser for {@code maxAgeSeconds}. */
    static NewCookie set(String token, long maxAgeSeconds, HttpServletRequest request, Settings settings) {
        return new NewCookie.Builder(NAME).value(token).path(PATH).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) maxAgeSeconds).secure(secure(request, settings)).build();
    }

    /** The cookie that makes the browser forget the session. */
    static NewCookie clear(HttpServletRequest request, Settings settings) {
        return new NewCookie.Builder(NAME).value("").path(PATH).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0).secure(secure(request, settings)).build();
    }

    private static boolean secure(HttpServletRequest request, Settings settings) {
        return request.isSecure()
                || settings.trustProxy() && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
