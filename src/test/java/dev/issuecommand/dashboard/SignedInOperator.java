package dev.issuecommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's view of the dashboard's API, without the browser: signs in, then sends the session cookie and, on
 * changes, the CSRF token, as the page does. Requests go through {@link Api}, so on two instances they alternate.
 */
final class SignedInOperator {

    static final String SESSION = "/ui/api/session";

    final Api api;
    final String name;
    final String cookie;
    final String csrfToken;
    final String setCookie;

    private SignedInOperator(Api api, String name, String cookie, String csrfToken, String setCookie) {
        this.api = api;
        this.name = name;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
        this.setCookie = setCookie;
    }

    /** Signs in as {@code name} with the test server's API key. */
    static SignedInOperator signIn(Api api, String name) {
        Api.Answer answer = api.sendWith("POST", SESSION, Map.of("key", ServerProcess.API_KEY, "name", name), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String setCookie = answer.raw().headers().firstValue("Set-Cookie").orElseThrow();
        List<HttpCookie> cookies = HttpCookie.parse(setCookie);
        return new SignedInOperator(api, name, "ic_session=" + cookies.get(0).getValue(),
                answer.json().get("csrf_token").asText(), setCookie);
    }

    Api.Answer get(String path) {
        return api.sendWith("GET", path, null, Map.of("Cookie", cookie));
    }

    /** A change, with the CSRF token the page would send. */
    Api.Answer post(String path, Object body) {
        return send("POST", path, body, Map.of("X-CSRF-Token", csrfToken));
    }

    Api.Answer send(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Cookie", cookie);
        return api.sendWith(method, path, body, all);
    }

    Api.Answer signOut() {
        return send("DELETE", SESSION, null, Map.of("X-CSRF-Token", csrfToken));
    }
}
