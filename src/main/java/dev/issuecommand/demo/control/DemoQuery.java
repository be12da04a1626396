package dev.issuecommand.demo.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of a request to the demo's GitHub, decoded, and the URL of another page of it. */
record DemoQuery(URI uri, Map<String, String> parameters) {

    static DemoQuery of(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.put(decode(name), decode(value));
            }
        }
        return new DemoQuery(uri, parameters);
    }

    /** The parameter's value, or {@code fallback} when absent or blank. */
    String get(String name, String fallback) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A whole number from 1 to {@code max}, or {@code fallback} when absent or not one. */
    int number(String name, int fallback, int max) {
        try {
            return Math.min(max, Math.max(1, Integer.parseInt(get(name, String.valueOf(fallback)))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The same request for {@code page}, as GitHub's {@code Link} header names it. */
    String page(int page) {
        StringBuilder query = new StringBuilder();
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("page=")) {
                query.append(pair).append('&');
            }
        }
        query.append("page=").append(page);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
