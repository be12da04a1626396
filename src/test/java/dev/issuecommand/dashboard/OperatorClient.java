package dev.issuecommand.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The dashboard's JSON API called the way a script (or a forged cross-site request) would: with the session cookie
 * of an operator signed in over {@code POST /ui/api/session}, and a CSRF token of the caller's choice.
 */
record OperatorClient(Api api, String cookie, String csrfToken) {

    /** Signs in as {@code name} with {@code key}; fails unless the server let the operator in. */
    static OperatorClient signIn(Api api, String key, String name) {
        Api.Answer answer = api.send(Api.request(api.base() + "/ui/api/session", "POST",
                Api.toJson(Map.of("key", key, "name", name)), null));
        if (answer.status() != 200) {
            throw new AssertionError("sign-in refused: " + answer.status() + " " + answer.text());
        }
        String setCookie = answer.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return new OperatorClient(api, setCookie.substring(0, setCookie.indexOf(';')),
                answer.json().get("csrf_token").asText());
    }

    /** A client sending {@code cookie} (the {@code name=value} pair) and no CSRF token. */
    static OperatorClient withCookie(Api api, String cookie) {
        return new OperatorClient(api, cookie, null);
    }

    /** Sends {@code body} (null: none) with the cookie and {@code csrfHeader} as X-CSRF-Token (null: none). */
    Api.Answer send(String method, String path, Object body, String csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                Api.request(api.base() + path, method, body == null ? null : Api.toJson(body), null), (n, v) -> true);
        request.header("Cookie", cookie);
        if (csrfHeader != null) {
            request.header("X-CSRF-Token", csrfHeader);
        }
        return api.send(request.build());
    }

    Api.Answer get(String path) {
        return send("GET", path, null, null);
    }

    JsonNode state() {
        return get("/ui/api/state").json();
    }
}
