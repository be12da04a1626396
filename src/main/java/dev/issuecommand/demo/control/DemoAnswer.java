package dev.issuecommand.demo.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** An answer of the demo's stand-in GitHub, shaped as the JDK client's response to {@code request}. */
record DemoAnswer(HttpRequest request, int statusCode, HttpHeaders headers, String body)
        implements HttpResponse<String> {

    static DemoAnswer json(HttpRequest request, int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        all.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new DemoAnswer(request, status, HttpHeaders.of(all, (name, value) -> true), body);
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
