package dev.issuecommand.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.Postgres;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import dev.issuecommand.webhooks.control.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hundreds of malformed or hostile requests against every route the claims suite ({@code HostileInputIT}) leaves
 * out: follow-ups, next-work, repositories, issues, sync, the agent keys, quarantine, the dashboard's sign-in and
 * changes, the webhook path, {@code /sse}, health, odd headers and auth schemes, plus raw malformed HTTP over a
 * socket. No 5xx, the process stays up, the stored claim and follow-up are unchanged, no agent key is issued or
 * revoked, no secret reaches the logs and stdout stays empty; with the data in SQLite and in PostgreSQL.
 */
class HostileRoutesIT {

    private static final String REPO = "hostile/routes";
    private static final String SECRET = "hostile-webhook-secret-value";
    private static final String HOOK = "/api/webhooks/github";

    private static final List<String> ODD_VALUES = List.of(
            "null", "true", "[]", "{}", "\"\"", "\"   \"", "-1", "0", "1.5", "1e309", "123456789012345678901234567890",
            "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"" + "é".repeat(300) + "\"", "\"🦀\"", "{\"$gt\":\"\"}", "\"a/b/c\"", "\"" + "x".repeat(20000) + "\"");

    private static final List<String> BROKEN_BODIES = List.of(
            "{", "}", "[", "nul", "{\"a\":1,}", "{'agent_id':'x'}", "\u0000\u0001", "[".repeat(10000),
            "{\"a\":".repeat(3000), "\"just a string\"", "12345", "{\"agent_id\":\"a\",\"agent_id\":5}");

    private static final List<String> ODD_SEGMENTS = List.of(
            "%00", "..%2F..%2Fetc", "%27%20OR%20%271%27%3D%271", "x".repeat(3000), "%F0%9F%A6%80", "-1", "null",
            "%20", "0", "99999999999999999999", "1e3", "%3Cscript%3E");

    @TempDir
    Path dir;

    /** The same requests and checks with the data in SQLite and in PostgreSQL. */
    @ParameterizedTest(name = "data in {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void hostileRequestsOnEveryOtherRouteNeverBreakTheServerOrTheData(String database) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("GITHUB_WEBHOOK_SECRET", SECRET, "ALLOWED_REPOS", REPO));
        if (database.equals("postgresql")) {
            settings.put("DATABASE_URL", Postgres.newDatabaseUrl());
        }
        try (FakeGitHub github = new FakeGitHub()) {
            github.addIssues(REPO, 1, 5);
            try (ServerProcess server = ServerProcess.create(github, dir.resolve("routes.db"), settings).start()) {
                Api api = server.api();
                String held = api.claimId("keeper", REPO, 1);
                api.patch("/api/claims/" + held, Map.of("agent_id", "keeper", "status", "in_progress"));
                Api.Answer queued = new WebhookSender(api, HOOK, SECRET).send("pull_request_review",
                        WebhookPayloads.changesRequested(REPO, 7, "Please fix the tests."));
                assertThat(queued.status()).as(queued.text()).isEqualTo(202);
                String item = queued.json().get("work_item_id").asText();
                Api.Answer taken = api.patch("/api/followups/" + item, Map.of("agent_id", "keeper", "status", "in_progress"));
                assertThat(taken.status()).as(taken.text()).isEqualTo(200);
                Api.Answer issued = api.post("/api/admin/agents", Map.of("agent_id", "keeper-agent", "repos", List.of(REPO)));
                assertThat(issued.status()).as(issued.text()).isEqualTo(201);
                String agentKey = issued.json().get("key").asText();
                JsonNode claimBefore = api.get("/api/claims/" + held).json();
                JsonNode followupBefore = api.get("/api/followups/" + item).json();
                assertThat(followupBefore.get("work_item").get("status").asText()).isEqualTo("in_progress");

                List<String> failures = new ArrayList<>();
                int count = 0;
                for (HttpRequest request : requests(server.base(), held, item, agentKey)) {
                    Api.Answer answer = request.uri().getPath().equals("/sse") ? api.sendStreaming(request) : api.send(request);
                    count++;
                    check(request, answer, failures);
                }
                int raw = 0;
                for (String text : rawRequests(item)) {
                    String status = rawExchange(server.port(), text);
                    raw++;
                    if (status.matches("HTTP/1\\.[01] 5\\d\\d.*")) {
                        failures.add("raw " + text.lines().findFirst().orElse("") + " -> " + status);
                    }
                    assertThat(api.get("/api/health").status()).as("alive after raw request %d", raw).isEqualTo(200);
                }
                assertThat(count + raw).as("%d HTTP requests and %d raw socket requests", count, raw)
                        .isGreaterThanOrEqualTo(500);
                assertThat(failures).as(() -> "server errors:\n" + errorLines(server)).isEmpty();

                JsonNode claims = api.get("/api/claims").json().get("claims");
                assertThat(claims).as("valid next-work requests may claim the other issues, nothing else")
                        .allSatisfy(claim -> {
                            assertThat(claim.get("repo").asText()).isEqualTo(REPO);
                            assertThat(claim.get("issue_number").asInt()).isBetween(1, 5);
                        });
                assertThat(claims).extracting(c -> c.get("issue_number").asInt()).doesNotHaveDuplicates();
                assertThat(api.get("/api/claims/" + held).json()).as("the held claim is untouched").isEqualTo(claimBefore);
                assertThat(api.get("/api/followups/" + item).json()).as("the follow-up is untouched").isEqualTo(followupBefore);
                assertThat(api.get("/api/followups").json().get("followups")).as("no follow-up was queued or resolved by hostile input")
                        .extracting(f -> f.get("work_item_id").asText()).containsExactly(item);
                assertThat(api.get("/api/admin/agents").json().get("agents")).as("no key was issued by hostile input")
                        .extracting(a -> a.get("agent_id").asText()).containsExactly("keeper-agent");
                assertThat(new Api(server.base(), agentKey).get("/api/claims").status()).as("nor revoked").isEqualTo(200);
                String logs = server.stderrText();
                assertThat(logs).doesNotContain(agentKey).doesNotContain(ServerProcess.API_KEY).doesNotContain(ServerProcess.GITHUB_TOKEN)
                        .doesNotContain(SECRET).doesNotContain(Postgres.password());
                assertThat(server.stdoutText()).isEmpty();
            }
        }
    }

    private static String errorLines(ServerProcess server) {
        try {
            return String.join("\n", server.stderrText().lines().filter(l -> l.contains("ERROR") || l.contains("internal_error")).limit(40).toList());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** No 5xx; an application refusal has the error shape ({@code ok:false}, {@code error}). */
    private static void check(HttpRequest request, Api.Answer answer, List<String> failures) {
        String what = request.method() + " " + abbreviate(request.uri().toString()) + " "
                + abbreviate(request.headers().map().toString());
        if (answer.status() >= 500) {
            failures.add(what + " -> " + answer.status() + " " + abbreviate(answer.text()));
            return;
        }
        boolean health = request.uri().getPath().startsWith("/health");
        // Liberty itself refuses an encoded NUL or slash in the path, and an unparsable Content-Type, with its own 400
        boolean container = answer.status() == 400 && (request.uri().getRawPath().contains("%00")
                || request.uri().getRawPath().contains("%2F") || answer.text().startsWith("Error 400: SRVE0295E"));
        boolean head = request.method().equals("HEAD");
        boolean errorShape = answer.json().path("ok").isBoolean() && !answer.json().get("ok").asBoolean()
                && answer.json().has("error");
        if (answer.status() >= 400 && !health && !container && !head && !errorShape) {
            failures.add(what + " -> " + answer.status() + " without the error shape: " + abbreviate(answer.text()));
        }
        if (answer.text().contains(ServerProcess.API_KEY) || answer.text().contains(SECRET)
                || answer.text().contains(ServerProcess.GITHUB_TOKEN)) {
            failures.add(what + " -> answer contains a secret");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static List<HttpRequest> requests(String base, String held, String item, String agentKey) {
        List<HttpRequest> out = new ArrayList<>();
        String key = "Bearer " + ServerProcess.API_KEY;
        out.addAll(agentKeyRequests(base, key, "Bearer " + agentKey));
        out.addAll(quarantineAndDashboardRequests(base, key, held, item));
        for (String value : ODD_VALUES) {
            for (String field : List.of("agent_id", "status", "note")) {
                String body = "{\"agent_id\":\"mallory\",\"status\":\"dismissed\",\"" + field + "\":" + value + "}";
                out.add(Api.request(base + "/api/followups/" + item, "PATCH", body, key));
            }
            for (String field : List.of("agent_id", "repo", "label", "milestone")) {
                out.add(Api.request(base + "/api/next-work", "POST", "{\"agent_id\":\"mallory\",\"" + field + "\":" + value + "}", key));
            }
        }
        for (String body : BROKEN_BODIES) {
            out.add(Api.request(base + "/api/followups/" + item, "PATCH", body, key));
            out.add(Api.request(base + "/api/next-work", "POST", body, key));
            out.add(Api.request(base + "/api/sync", "POST", body, key));
        }
        for (String segment : ODD_SEGMENTS) {
            out.add(Api.request(base + "/api/followups/" + segment, "GET", null, key));
            out.add(Api.request(base + "/api/followups/" + segment, "PATCH", "{\"agent_id\":\"m\",\"status\":\"dismissed\"}", key));
            out.add(Api.request(base + "/api/repos/" + segment + "/x/issues", "GET", null, key));
            out.add(Api.request(base + "/api/repos/hostile/" + segment + "/issues", "GET", null, key));
            out.add(Api.request(base + "/api/issues/hostile/routes/" + segment, "GET", null, key));
            out.add(Api.request(base + "/api/issues/" + segment + "/routes/1", "GET", null, key));
        }
        String[] queries = {"repo=%27", "repo=a%2Fb%2Fc", "status=%00", "status=nope", "claimed_by_agent_id=%00",
            "claimed_by_agent_id=" + "a".repeat(3000), "pr_number=abc", "pr_number=-1", "pr_number=1e9",
            "pr_number=99999999999999999999", "label=%F0%9F%A6%80", "state=%3Cscript%3E", "page=-1", "per_page=abc",
            "repo=" + "a".repeat(3000)};
        for (String query : queries) {
            out.add(Api.request(base + "/api/followups?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/repos?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/repos/" + REPO + "/issues?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/issues/" + REPO + "/2?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/my-work?agent_id=m&" + query, "GET", null, key));
        }
        String[] auths = {null, "", "Bearer", "Bearer ", "bearer " + ServerProcess.API_KEY, "Basic dXNlcjpwYXNz",
            "Bearer " + ServerProcess.API_KEY + "x", "Token " + ServerProcess.API_KEY, "Bearer \u00e9\u00e9",
            "Digest username=\"a\"", "Bearer " + "k".repeat(8000), "Bearer " + ServerProcess.API_KEY.substring(1)};
        String[] protectedRoutes = {"GET /api/followups", "GET /api/followups/" + item, "POST /api/next-work",
            "GET /api/repos", "GET /api/repos/" + REPO + "/issues", "GET /api/issues/" + REPO + "/1", "POST /api/sync",
            "GET /sse", "GET /api/health"};
        for (String auth : auths) {
            for (String route : protectedRoutes) {
                String[] parts = route.split(" ");
                out.add(Api.request(base + parts[1], parts[0], parts[0].equals("POST") ? "{\"agent_id\":\"m\"}" : null, auth));
            }
        }
        for (String lastEventId : List.of("", "-1", "abc", "99999999999999999999999", "1e5", "0x10", "' OR 1=1",
                "\u00e9\u00e9", "9223372036854775807", "1;2", "x".repeat(5000))) {
            out.add(HttpRequest.newBuilder(URI.create(base + "/sse")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", key).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId.isEmpty() ? " " : lastEventId).GET().build());
            out.add(HttpRequest.newBuilder(URI.create(base + "/sse?last_event_id=" + lastEventId.replace(" ", "%20")
                    .replace("'", "%27").replace(";", "%3B"))).timeout(Duration.ofSeconds(5))
                    .header("Authorization", key).GET().build());
        }
        for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started", "/health/x",
                "/api/health", "/api/health/x", "/api/health?verbose=%00")) {
            for (String method : List.of("GET", "POST", "DELETE", "OPTIONS", "HEAD")) {
                out.add(Api.request(base + path, method, method.equals("POST") ? "{\"a\":" : null, key));
            }
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xx", "application/json; charset=utf-16", "application/json; charset=nope",
                "*/*", "garbage", "application/json;;;", "")) {
            for (String route : List.of("POST /api/next-work", "PATCH /api/followups/" + item, "POST /api/sync")) {
                String[] parts = route.split(" ");
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + parts[1]))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", key)
                        .method(parts[0], HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"m\",\"status\":\"nope\"}"));
                if (!type.isEmpty()) {
                    builder.header("Content-Type", type);
                }
                out.add(builder.build());
            }
        }
        for (String accept : List.of("application/xml", "text/html", "image/png", "*/*;q=abc", "application/json;q=0")) {
            out.add(HttpRequest.newBuilder(URI.create(base + "/api/followups")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", key).header("Accept", accept).GET().build());
        }
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "TRACE")) {
            out.add(Api.request(base + "/api/followups", method, "{}", key));
            out.add(Api.request(base + "/api/next-work", method, "{}", key));
            out.add(Api.request(base + "/api/repos", method, "{}", key));
            out.add(Api.request(base + "/api/sync", method, "{}", key));
        }
        out.addAll(webhookRequests(base));
        out.add(Api.request(base + "/api/next-work", "POST", "{\"agent_id\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}", key));
        out.add(Api.request(base + "/api/followups/" + item, "PATCH", "{\"note\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}", key));
        return out;
    }

    private static List<HttpRequest> webhookRequests(String base) {
        List<HttpRequest> out = new ArrayList<>();
        byte[] good = WebhookSender.bytes(WebhookPayloads.changesRequested("elsewhere/repo", 9, "not allowed here"));
        String goodSignature = WebhookSignature.sign(good, SECRET);
        for (String signature : List.of("", "sha256=", "sha256=" + "0".repeat(64), "sha1=" + "0".repeat(40),
                "sha256=zz" + "0".repeat(62), goodSignature.toUpperCase(), goodSignature + "00", "sha256=" + "a".repeat(5000),
                goodSignature.replace("sha256=", ""), "md5=abc", "sha256=\u00e9")) {
            out.add(hook(base, "pull_request_review", "d-sig", good, "X-Hub-Signature-256", signature));
        }
        for (String auth : List.of("Bearer nope", "Basic dXNlcjpwYXNz", "Bearer", "Token " + ServerProcess.API_KEY)) {
            out.add(hook(base, "pull_request_review", "d-auth", good, "Authorization", auth));
        }
        for (String event : List.of("", "PULL_REQUEST_REVIEW", "push", "ping", "../../etc", "x".repeat(3000),
                "pull_request_review\u00e9", "issue_comment", "pull_request", "pull_request_review_comment", "\u00ff\u00fe")) {
            out.add(signed(base, event, "d-event", good));
        }
        out.add(hook(base, null, "d-no-event", good, "X-Hub-Signature-256", goodSignature));
        for (String delivery : List.of("", " ", "x".repeat(201), "x".repeat(5000), "../../etc", "' OR 1=1 --",
                "\u00e9\u00e9", "\u00a0", "00000000-0000-0000-0000-000000000000", "%00")) {
            out.add(signed(base, "pull_request_review", delivery, good));
        }
        out.add(hook(base, "pull_request_review", null, good, "X-Hub-Signature-256", goodSignature));
        List<String> bodies = new ArrayList<>(BROKEN_BODIES);
        bodies.addAll(List.of("{}", "[]", "null", "{\"action\":5}", "{\"action\":\"submitted\",\"review\":[]}",
                "{\"action\":\"submitted\",\"review\":{\"state\":\"CHANGES_REQUESTED\"}}",
                "{\"action\":\"submitted\",\"repository\":{\"full_name\":\"" + "a".repeat(5000) + "\"}}",
                "{\"action\":\"created\",\"comment\":{\"id\":\"x\"},\"issue\":{\"pull_request\":null}}",
                "{\"action\":\"created\",\"comment\":{\"id\":1e309},\"issue\":{\"number\":-1,\"pull_request\":{}}}",
                "{\"a\":" + "[".repeat(50000) + "]".repeat(50000) + "}", "{\"a\":\"" + "\\u0000".repeat(1000) + "\"}"));
        for (String body : bodies) {
            for (String event : List.of("pull_request_review", "issue_comment", "pull_request_review_comment")) {
                out.add(signed(base, event, "d-body-" + bodies.indexOf(body), body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        Random random = new Random(8);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(500) + 1];
            random.nextBytes(noise);
            out.add(signed(base, "pull_request_review", "d-noise-" + i, noise));
        }
        byte[] huge = ("{\"action\":\"submitted\",\"pad\":\"" + "z".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        out.add(signed(base, "pull_request_review", "d-huge", huge));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            out.add(HttpRequest.newBuilder(URI.create(base + HOOK)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(good)).build());
        }
        return out;
    }

    /**
     * The agent-key routes: bodies that must all be refused (besides the odd value, the repository or the expiry is
     * invalid), broken bodies, odd agent ids in the path, and the agent's own key where only the shared one may go.
     */
    private static List<HttpRequest> agentKeyRequests(String base, String key, String agentKey) {
        List<HttpRequest> out = new ArrayList<>();
        String admin = base + "/api/admin/agents";
        for (String value : ODD_VALUES) {
            for (String field : List.of("agent_id", "repos", "expires_at", "rotate")) {
                String invalid = field.equals("repos") ? "\"expires_at\":\"2000-01-01T00:00:00Z\""
                        : "\"repos\":[\"elsewhere/x\"]";
                String body = "{\"agent_id\":\"mallory\"," + invalid + ",\"" + field + "\":" + value + "}";
                out.add(Api.request(admin, "POST", body, key));
            }
        }
        for (String body : BROKEN_BODIES) {
            out.add(Api.request(admin, "POST", body, key));
        }
        for (String segment : ODD_SEGMENTS) {
            out.add(Api.request(admin + "/" + segment, "GET", null, key));
            out.add(Api.request(admin + "/" + segment, "DELETE", null, key));
        }
        for (String auth : List.of(agentKey, agentKey + "x", agentKey.substring(0, agentKey.length() - 1))) {
            out.add(Api.request(admin, "POST", "{\"agent_id\":\"mallory\",\"rotate\":true}", auth));
            out.add(Api.request(admin, "GET", null, auth));
            out.add(Api.request(admin + "/keeper-agent", "DELETE", null, auth));
        }
        return out;
    }

    /**
     * The quarantine routes and the dashboard's API: odd repositories and numbers, broken bodies, sign-ins with odd
     * keys and names, and the page's changes to the held claim and follow-up without a session or with a forged one.
     */
    private static List<HttpRequest> quarantineAndDashboardRequests(String base, String key, String held, String item) {
        List<HttpRequest> out = new ArrayList<>();
        String quarantine = base + "/api/quarantine";
        String session = base + "/ui/api/session";
        for (String segment : ODD_SEGMENTS) {
            out.add(Api.request(quarantine + "?repo=" + segment, "GET", null, key));
            out.add(Api.request(quarantine + "/" + REPO + "/" + segment, "DELETE", null, key));
            out.add(Api.request(quarantine + "/" + segment + "/routes/2", "DELETE", null, key));
            out.add(Api.request(base + "/ui/api/claims/" + segment + "/release", "POST", "{\"reason\":\"x\"}", null));
        }
        for (String value : ODD_VALUES) {
            out.add(Api.request(session, "POST", "{\"key\":" + value + ",\"name\":\"mallory\"}", null));
            out.add(Api.request(session, "POST", "{\"key\":\"wrong\",\"name\":" + value + "}", null));
        }
        for (String body : BROKEN_BODIES) {
            out.add(Api.request(session, "POST", body, null));
            out.add(Api.request(quarantine + "/" + REPO + "/2", "DELETE", body, key));
        }
        for (String cookie : List.of("", "ic_session=", "ic_session=forged", "ic_session=" + "x".repeat(5000),
                "ic_session=%00; ic_session=again")) {
            for (String path : List.of("/ui/api/state", "/ui/api/claims/" + held + "/release",
                    "/ui/api/followups/" + item + "/dismiss", "/ui/api/sync")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("X-CSRF-Token", "forged").header("Origin", base);
                if (!cookie.isEmpty()) {
                    request.header("Cookie", cookie);
                }
                out.add(path.endsWith("state") ? request.GET().build()
                        : request.POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"hostile\"}")).build());
            }
        }
        out.add(Api.request(base + "/ui/api/claims/" + held + "/release", "POST", "{\"reason\":\"x\"}", key));
        return out;
    }

    private static HttpRequest signed(String base, String event, String delivery, byte[] body) {
        return hook(base, event, delivery, body, "X-Hub-Signature-256", WebhookSignature.sign(body, SECRET));
    }

    private static HttpRequest hook(String base, String event, String delivery, byte[] body, String header, String value) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + HOOK)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (event != null && !event.isEmpty()) {
            builder.header("X-GitHub-Event", event);
        }
        if (delivery != null && !delivery.isBlank()) {
            builder.header("X-GitHub-Delivery", delivery);
        }
        if (header != null && value != null && !value.isEmpty()) {
            builder.header(header, value);
        }
        return builder.build();
    }

    /** Malformed HTTP that {@code HttpClient} refuses to send: wrong lengths, bad framing, junk request lines. */
    private static List<String> rawRequests(String item) {
        String auth = "Authorization: Bearer " + ServerProcess.API_KEY + "\r\n";
        String host = "Host: 127.0.0.1\r\n";
        String body = "{\"agent_id\":\"m\",\"status\":\"dismissed\"}";
        return List.of(
                "PATCH /api/followups/" + item + " HTTP/1.1\r\n" + host + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: 500\r\nConnection: close\r\n\r\n" + body,
                "PATCH /api/followups/" + item + " HTTP/1.1\r\n" + host + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: 3\r\nConnection: close\r\n\r\n" + body,
                "POST /api/next-work HTTP/1.1\r\n" + host + auth + "Content-Length: -5\r\nConnection: close\r\n\r\n{}",
                "POST /api/next-work HTTP/1.1\r\n" + host + auth + "Content-Length: abc\r\nConnection: close\r\n\r\n{}",
                "POST /api/next-work HTTP/1.1\r\n" + host + auth + "Content-Length: 2\r\nContent-Length: 9\r\n"
                        + "Connection: close\r\n\r\n{}",
                "POST /api/next-work HTTP/1.1\r\n" + host + auth + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "zz\r\n{}\r\n0\r\n\r\n",
                "POST /api/next-work HTTP/1.1\r\n" + host + auth + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                "POST " + HOOK + " HTTP/1.1\r\n" + host + "X-GitHub-Event: ping\r\nContent-Length: 99999999\r\n"
                        + "Connection: close\r\n\r\n{}",
                "GET /api/followups HTTP/1.1\r\n" + host + "Authorization: Bearer\r\nConnection: close\r\n\r\n",
                "GET /api/followups HTTP/1.1\r\n" + host + "Authorization:  Bearer  " + ServerProcess.API_KEY
                        + "  \r\nConnection: close\r\n\r\n",
                "GET /api/followups HTTP/1.1\r\n" + host + auth + "X-Junk: " + "j".repeat(20000) + "\r\nConnection: close\r\n\r\n",
                "GET /api/followups HTTP/1.1\r\n" + host + auth + "Bad Header Without Colon\r\nConnection: close\r\n\r\n",
                "GET /api/../api/followups HTTP/1.1\r\n" + host + auth + "Connection: close\r\n\r\n",
                "GET /sse HTTP/1.1\r\n" + host + auth + "Last-Event-ID: \u00ff\u00fe\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.0\r\n\r\n",
                "GET /api/health HTTP/9.9\r\n" + host + auth + "\r\n",
                "BREW /api/health HTTP/1.1\r\n" + host + auth + "Connection: close\r\n\r\n",
                "GET\r\n\r\n",
                "\r\n\r\n\r\n",
                "GET /api/health HTTP/1.1\r\n" + "Host: " + "h".repeat(10000) + "\r\n" + auth + "Connection: close\r\n\r\n",
                "GET " + "/a".repeat(20000) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                "\u0000\u0001\u0002\u0003 garbage\r\n\r\n");
    }

    /** Sends {@code text} as ISO-8859-1 bytes and returns the status line (or what happened instead). */
    private static String rawExchange(int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().strip();
        } catch (SocketTimeoutException e) {
            return "no answer within 5 s";
        } catch (IOException e) {
            return "connection ended: " + e.getMessage();
        }
    }
}
