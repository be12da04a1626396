package dev.issuecommand.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake GitHub REST API on 127.0.0.1 for the integration tests: repositories with issues, single-issue reads,
 * issue listing with Link pagination and ETags, comments, and PATCH to close. It can be told to fail.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)");
    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
    private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+)/([^/]+)/issues");
    private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)");

    private final HttpServer server;
    private final Map<String, Map<Integer, ObjectNode>> issues = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> comments = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile String lastAuthorization;
    private volatile String login = "issuecommand-bot";

    public FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds an open issue with labels; returns it for further changes. */
    public ObjectNode addIssue(String repo, int number, String title, String... labels) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("number", number);
        issue.put("title", title);
        issue.put("body", "Body of " + title);
        issue.put("state", "open");
        issue.put("html_url", "https://github.com/" + repo + "/issues/" + number);
        issue.put("created_at", String.format("2026-01-%02dT00:00:00Z", Math.min(28, Math.max(1, number % 28 + 1))));
        issue.put("updated_at", "2026-02-01T00:00:00Z");
        ArrayNode labelNodes = issue.putArray("labels");
        for (String label : labels) {
            labelNodes.addObject().put("name", label);
        }
        issue.putArray("assignees");
        issue.putNull("milestone");
        issue.putObject("user").put("login", "octocat");
        issues.computeIfAbsent(repo.toLowerCase(), k -> new ConcurrentHashMap<>()).put(number, issue);
        return issue;
    }

    public void addIssues(String repo, int from, int to) {
        for (int n = from; n <= to; n++) {
            addIssue(repo, n, "Issue " + n);
        }
    }

    public void close(String repo, int number) {
        issues.get(repo.toLowerCase()).get(number).put("state", "closed");
    }

    public void markPullRequest(String repo, int number) {
        issues.get(repo.toLowerCase()).get(number).putObject("pull_request").put("url", "https://example/pr");
    }

    /** The next {@code count} requests answer {@code status}. */
    public void failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
    }

    /** The login of the token's user, answered on {@code GET /user}. */
    public void setLogin(String newLogin) {
        login = newLogin;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + exchange.getRequestURI());
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, failStatus, "{\"message\":\"failing on purpose\"}");
            return;
        }
        Matcher m;
        if (path.equals("/user")) {
            send(exchange, 200, JSON.createObjectNode().put("login", login).toString());
        } else if (path.equals("/user/repos")) {
            ArrayNode array = JSON.createArrayNode();
            issues.keySet().stream().sorted().forEach(name -> array.addObject().put("full_name", name)
                    .put("name", name.substring(name.indexOf('/') + 1)).put("private", false)
                    .put("html_url", "https://github.com/" + name));
            send(exchange, 200, array.toString());
        } else if ((m = COMMENTS.matcher(path)).matches()) {
            ArrayNode array = JSON.createArrayNode();
            comments.getOrDefault(key(m), List.of()).forEach(array::add);
            send(exchange, 200, array.toString());
        } else if ((m = ISSUE.matcher(path)).matches()) {
            ObjectNode issue = issues.getOrDefault(repoKey(m), Map.of()).get(Integer.parseInt(m.group(3)));
            if (issue == null) {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
            } else if ("PATCH".equals(method)) {
                JsonNode patch = JSON.readTree(exchange.getRequestBody());
                if (patch.has("state")) {
                    issue.put("state", patch.get("state").asText());
                }
                send(exchange, 200, issue.toString());
            } else {
                send(exchange, 200, issue.toString());
            }
        } else if ((m = ISSUES.matcher(path)).matches()) {
            ArrayNode array = JSON.createArrayNode();
            new ArrayList<>(issues.getOrDefault(repoKey(m), Map.of()).values()).stream()
                    .filter(i -> "open".equals(i.get("state").asText()))
                    .forEach(array::add);
            send(exchange, 200, array.toString());
        } else if ((m = REPO.matcher(path)).matches() && issues.containsKey(repoKey(m))) {
            ObjectNode repo = JSON.createObjectNode();
            repo.put("full_name", m.group(1) + "/" + m.group(2));
            send(exchange, 200, repo.toString());
        } else {
            send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static String repoKey(Matcher m) {
        return (m.group(1) + "/" + m.group(2)).toLowerCase();
    }

    private static String key(Matcher m) {
        return repoKey(m) + "#" + m.group(3);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
