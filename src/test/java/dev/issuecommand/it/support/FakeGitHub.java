package dev.issuecommand.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake GitHub REST API on 127.0.0.1 for the integration tests: repositories with issues, single-issue reads,
 * issue listing with filters, {@code Link} pagination honouring {@code per_page} and {@code page}, strong ETags with
 * {@code If-None-Match} answered by 304, comments, and PATCH to close. It can be told to fail: bursts of any status,
 * rate-limit refusals with {@code Retry-After}, slow answers, a repository that always fails, failing PATCHes.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)");
    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
    private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+)/([^/]+)/issues");
    private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)");
    private static final Pattern REPO_PREFIX = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

    static {
        // GitHub answers with TCP_NODELAY; the JDK's HttpServer leaves Nagle on unless told, and then the body written
        // after the headers waits for the client's delayed ACK: up to 40 ms per answer that no real GitHub adds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Map<String, Map<Integer, ObjectNode>> issues = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> comments = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingRepos = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicInteger slowNext = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile int rateLimitStatus = 429;
    private volatile int retryAfterSeconds = 1;
    private volatile long slowMillis;
    private volatile int patchFailure;
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

    /** The stored issue, to change it in place (the ETag follows the content). */
    public ObjectNode issue(String repo, int number) {
        return issues.get(repo.toLowerCase()).get(number);
    }

    public void close(String repo, int number) {
        issue(repo, number).put("state", "closed");
    }

    public void markPullRequest(String repo, int number) {
        issue(repo, number).putObject("pull_request").put("url", "https://example/pr");
    }

    public void setCreatedAt(String repo, int number, String isoTime) {
        issue(repo, number).put("created_at", isoTime);
    }

    public void setTitle(String repo, int number, String title) {
        issue(repo, number).put("title", title);
    }

    public void setLabels(String repo, int number, String... labels) {
        ArrayNode array = issue(repo, number).putArray("labels");
        Arrays.stream(labels).forEach(label -> array.addObject().put("name", label));
    }

    public void setAssignees(String repo, int number, String... logins) {
        ArrayNode array = issue(repo, number).putArray("assignees");
        Arrays.stream(logins).forEach(l -> array.addObject().put("login", l));
    }

    public void setMilestone(String repo, int number, int milestoneNumber, String title) {
        issue(repo, number).putObject("milestone").put("number", milestoneNumber).put("title", title);
    }

    /** Adds {@code count} comments to an issue, numbered from 1. */
    public void addComments(String repo, int number, int count) {
        List<ObjectNode> list = comments.computeIfAbsent(repo.toLowerCase() + "#" + number, k -> new CopyOnWriteArrayList<>());
        for (int i = 0; i < count; i++) {
            ObjectNode comment = JSON.createObjectNode();
            int n = list.size() + 1;
            comment.put("id", n);
            comment.put("body", "Comment " + n);
            comment.put("created_at", "2026-03-01T00:00:00Z");
            comment.put("html_url", "https://github.com/" + repo + "/issues/" + number + "#issuecomment-" + n);
            comment.putObject("user").put("login", "commenter" + n);
            list.add(comment);
        }
    }

    /** The next {@code count} requests answer {@code status}. */
    public void failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
    }

    /** The next {@code count} requests are refused as rate limited: {@code status} (403 or 429) with {@code Retry-After}. */
    public void rateLimitNext(int count, int status, int retryAfter) {
        rateLimitStatus = status;
        retryAfterSeconds = retryAfter;
        rateLimitNext.set(count);
    }

    /** The next {@code count} requests are answered after {@code millis}. */
    public void slowNext(int count, long millis) {
        slowMillis = millis;
        slowNext.set(count);
    }

    /** Every request about {@code repo} answers {@code status} until {@link #healRepo}. */
    public void failRepo(String repo, int status) {
        failingRepos.put(repo.toLowerCase(), status);
    }

    public void healRepo(String repo) {
        failingRepos.remove(repo.toLowerCase());
    }

    /** Every PATCH answers {@code status} (0: PATCHes work again). */
    public void failPatches(int status) {
        patchFailure = status;
    }

    /** The login of the token's user, answered on {@code GET /user}. */
    public void setLogin(String newLogin) {
        login = newLogin;
    }

    /** Every request as {@code METHOD /path?query}, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Every answer as {@code METHOD /path?query STATUS}, oldest first. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String request = method + " " + exchange.getRequestURI();
        requests.add(request);
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, request, failStatus, "{\"message\":\"failing on purpose\"}");
            return;
        }
        if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", "0");
            send(exchange, request, rateLimitStatus, "{\"message\":\"You have exceeded a secondary rate limit\"}");
            return;
        }
        Matcher prefix = REPO_PREFIX.matcher(path);
        if (prefix.matches() && failingRepos.containsKey(repoKey(prefix))) {
            send(exchange, request, failingRepos.get(repoKey(prefix)), "{\"message\":\"failing repository\"}");
            return;
        }
        if ("PATCH".equals(method) && patchFailure > 0) {
            send(exchange, request, patchFailure, "{\"message\":\"patch refused on purpose\"}");
            return;
        }
        if (mirrorRoute(exchange, request, method, path)) {
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Matcher m;
        if (path.equals("/user")) {
            get(exchange, request, JSON.createObjectNode().put("login", login).toString());
        } else if (path.equals("/user/repos")) {
            List<JsonNode> repos = issues.keySet().stream().sorted().map(this::repoJson).collect(Collectors.toList());
            page(exchange, request, path, query, repos);
        } else if ((m = COMMENTS.matcher(path)).matches()) {
            page(exchange, request, path, query, new ArrayList<>(comments.getOrDefault(key(m), List.of())));
        } else if ((m = ISSUE.matcher(path)).matches()) {
            ObjectNode issue = issues.getOrDefault(repoKey(m), Map.of()).get(Integer.parseInt(m.group(3)));
            if (issue == null) {
                send(exchange, request, 404, "{\"message\":\"Not Found\"}");
            } else if ("PATCH".equals(method)) {
                JsonNode patch = JSON.readTree(exchange.getRequestBody());
                if (patch.has("state")) {
                    issue.put("state", patch.get("state").asText());
                }
                send(exchange, request, 200, issue.toString());
            } else {
                get(exchange, request, issue.toString());
            }
        } else if ((m = ISSUES.matcher(path)).matches()) {
            List<JsonNode> open = new ArrayList<>(issues.getOrDefault(repoKey(m), Map.of()).values()).stream()
                    .filter(i -> "open".equals(i.get("state").asText()))
                    .filter(i -> matchesLabels(i, query.get("labels")))
                    .filter(i -> matchesMilestone(i, query.get("milestone")))
                    .sorted(Comparator.comparingInt((JsonNode i) -> i.get("number").asInt()).reversed())
                    .collect(Collectors.toList());
            page(exchange, request, path, query, open);
        } else if ((m = REPO.matcher(path)).matches() && issues.containsKey(repoKey(m))) {
            get(exchange, request, repoJson(repoKey(m)).toString());
        } else {
            send(exchange, request, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private ObjectNode repoJson(String name) {
        ObjectNode repo = JSON.createObjectNode();
        repo.put("full_name", name);
        repo.put("name", name.substring(name.indexOf('/') + 1));
        repo.putObject("owner").put("login", name.substring(0, name.indexOf('/')));
        repo.put("private", name.contains("private"));
        repo.put("html_url", "https://github.com/" + name);
        repo.put("description", "Description of " + name);
        repo.put("open_issues_count", (int) issues.getOrDefault(name, Map.of()).values().stream()
                .filter(i -> "open".equals(i.get("state").asText())).count());
        return repo;
    }

    private static boolean matchesLabels(JsonNode issue, String labels) {
        if (labels == null || labels.isBlank()) {
            return true;
        }
        Set<String> have = new java.util.HashSet<>();
        issue.get("labels").forEach(l -> have.add(l.get("name").asText().toLowerCase()));
        return Arrays.stream(labels.split(",")).map(String::strip).map(String::toLowerCase).allMatch(have::contains);
    }

    private static boolean matchesMilestone(JsonNode issue, String milestone) {
        if (milestone == null) {
            return true;
        }
        JsonNode ms = issue.get("milestone");
        boolean has = ms != null && !ms.isNull();
        return switch (milestone) {
            case "*" -> has;
            case "none" -> !has;
            default -> has && ms.get("number").asText().equals(milestone);
        };
    }

    /** Answers one page of {@code items} with a {@code Link} header, honouring {@code per_page} (max 100) and {@code page}. */
    private void page(HttpExchange exchange, String request, String path, Map<String, String> query, List<JsonNode> items)
            throws IOException {
        int perPage = Math.min(100, Math.max(1, Integer.parseInt(query.getOrDefault("per_page", "30"))));
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        ArrayNode array = JSON.createArrayNode();
        items.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(array::add);
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add("<" + pageUrl(path, query, page + 1) + ">; rel=\"next\"");
            links.add("<" + pageUrl(path, query, last) + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + pageUrl(path, query, 1) + ">; rel=\"first\"");
            links.add("<" + pageUrl(path, query, page - 1) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            exchange.getResponseHeaders().set("Link", String.join(", ", links));
        }
        get(exchange, request, array.toString());
    }

    private String pageUrl(String path, Map<String, String> query, int page) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("page", String.valueOf(page));
        return url() + path + "?" + next.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A GET answer with a strong ETag; a matching {@code If-None-Match} gets 304 and no body. */
    private void get(HttpExchange exchange, String request, String body) throws IOException {
        String etag = "\"" + sha1(body + exchange.getResponseHeaders().getFirst("Link")) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (etag.equals(ifNoneMatch)) {
            answers.add(request + " 304");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        send(exchange, request, 200, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return query;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String repoKey(Matcher m) {
        return (m.group(1) + "/" + m.group(2)).toLowerCase();
    }

    private static String key(Matcher m) {
        return repoKey(m) + "#" + m.group(3);
    }

    private void send(HttpExchange exchange, String request, int status, String body) throws IOException {
        answers.add(request + " " + status);
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

    // --- claim mirror: comments and labels ---

    private static final Pattern COMMENT = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/comments/(\\d+)");
    private static final Pattern LABELS = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/labels(?:/([^/]+))?");
    private final java.util.concurrent.atomic.AtomicLong nextCommentId = new java.util.concurrent.atomic.AtomicLong(900_000);
    private final Map<String, Integer> refusedWrites = new ConcurrentHashMap<>();
    private volatile java.util.concurrent.CountDownLatch heldCreates;

    /** Every POST, PATCH and DELETE about {@code repo} answers {@code status}; reading it still works. */
    public void refuseWrites(String repo, int status) {
        refusedWrites.put(repo.toLowerCase(), status);
    }

    /**
     * Comments created from now on are stored at once, but answered only after {@link #releaseCommentCreates}: a
     * GitHub that did the work and whose answer did not arrive.
     */
    public void holdCommentCreates() {
        heldCreates = new java.util.concurrent.CountDownLatch(1);
    }

    public void releaseCommentCreates() {
        java.util.concurrent.CountDownLatch held = heldCreates;
        heldCreates = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** The bodies of the comments on an issue, oldest first. */
    public List<String> commentBodies(String repo, int number) {
        return comments.getOrDefault(repo.toLowerCase() + "#" + number, List.of()).stream()
                .map(c -> c.get("body").asText()).collect(Collectors.toList());
    }

    /** The names of the labels on an issue. */
    public List<String> labels(String repo, int number) {
        List<String> names = new ArrayList<>();
        issue(repo, number).get("labels").forEach(label -> names.add(label.get("name").asText()));
        return names;
    }

    /** Answers comment creation and edits and label changes; false when the request is none of them. */
    private boolean mirrorRoute(HttpExchange exchange, String request, String method, String path) throws IOException {
        Matcher comments = COMMENTS.matcher(path);
        Matcher comment = COMMENT.matcher(path);
        Matcher labels = LABELS.matcher(path);
        boolean create = "POST".equals(method) && comments.matches();
        boolean edit = "PATCH".equals(method) && comment.matches();
        boolean label = ("POST".equals(method) || "DELETE".equals(method)) && labels.matches();
        if (!create && !edit && !label) {
            return false;
        }
        Matcher m = create ? comments : edit ? comment : labels;
        Integer refused = refusedWrites.get(repoKey(m));
        if (refused != null) {
            send(exchange, request, refused, "{\"message\":\"Resource not accessible by integration\"}");
        } else if (edit) {
            editComment(exchange, request, m);
        } else if (issues.getOrDefault(repoKey(m), Map.of()).get(Integer.parseInt(m.group(3))) == null) {
            send(exchange, request, 404, "{\"message\":\"Not Found\"}");
        } else if (create) {
            createComment(exchange, request, m);
        } else {
            changeLabels(exchange, request, method, m);
        }
        return true;
    }

    private void createComment(HttpExchange exchange, String request, Matcher m) throws IOException {
        ObjectNode comment = JSON.createObjectNode();
        long id = nextCommentId.incrementAndGet();
        comment.put("id", id);
        comment.put("body", JSON.readTree(exchange.getRequestBody()).path("body").asText());
        comment.put("created_at", "2026-03-01T00:00:00Z");
        comment.put("html_url", "https://github.com/" + repoKey(m) + "/issues/" + m.group(3) + "#issuecomment-" + id);
        comment.putObject("user").put("login", login);
        this.comments.computeIfAbsent(key(m), k -> new CopyOnWriteArrayList<>()).add(comment);
        java.util.concurrent.CountDownLatch held = heldCreates;
        if (held != null) {
            try {
                held.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(exchange, request, 201, comment.toString());
    }

    private void editComment(HttpExchange exchange, String request, Matcher m) throws IOException {
        long id = Long.parseLong(m.group(3));
        String prefix = repoKey(m) + "#";
        ObjectNode found = this.comments.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.get("id").asLong() == id).findFirst().orElse(null);
        if (found == null) {
            send(exchange, request, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        found.put("body", JSON.readTree(exchange.getRequestBody()).path("body").asText());
        send(exchange, request, 200, found.toString());
    }

    private void changeLabels(HttpExchange exchange, String request, String method, Matcher m) throws IOException {
        ObjectNode issue = issues.get(repoKey(m)).get(Integer.parseInt(m.group(3)));
        List<String> names = new ArrayList<>();
        issue.get("labels").forEach(l -> names.add(l.get("name").asText()));
        if ("POST".equals(method)) {
            JSON.readTree(exchange.getRequestBody()).path("labels").forEach(l -> {
                if (!names.contains(l.asText())) {
                    names.add(l.asText());
                }
            });
        } else if (m.group(4) == null || !names.remove(URLDecoder.decode(m.group(4), StandardCharsets.UTF_8))) {
            send(exchange, request, 404, "{\"message\":\"Label does not exist\"}");
            return;
        }
        ArrayNode array = issue.putArray("labels");
        names.forEach(name -> array.addObject().put("name", name));
        send(exchange, request, 200, array.toString());
    }
}
