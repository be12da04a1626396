package dev.issuecommand.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed or hostile requests: no 5xx, the process stays up, stored claims are unchanged, and
 * neither secret appears in the logs. A server of its own: {@code POST /api/next} without a repository may claim in
 * any repository the server knows, and here that is only this test's.
 */
@WithOwnServer
class HostileInputIT {

    private static final String REPO = "hostile/target";

    private static final List<String> ODD_VALUES = List.of(
            "null", "true", "[]", "{}", "\"\"", "\"   \"", "-1", "0", "1.5", "1e309", "-1e309",
            "123456789012345678901234567890", "9223372036854775808", "\"42\"", "\"' OR 1=1 --\"",
            "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"" + "é".repeat(300) + "\"", "\"🦀🦀🦀\"", "[1,2,3]", "{\"$gt\":\"\"}", "\"in_progress\"",
            "\"closed\"", "\"https://github.com/a/b/pull/1\"", "\"javascript:alert(1)\"", "\"" + "x".repeat(20000) + "\"");

    private static final List<String> BROKEN_BODIES = List.of(
            "{", "}", "{\"agent_id\":", "[", "nul", "{\"a\":1,}", "{'agent_id':'x'}", "\u0000\u0001",
            "{\"agent_id\":\"a\" \"repo\":\"b\"}", "[".repeat(10000), "{\"a\":".repeat(3000),
            "\"just a string\"", "12345", "true", "{\"agent_id\":\"a\",\"agent_id\":5}");

    @Test
    void hostileRequestsNeverBreakTheServerOrTheData(TestServer own) throws Exception {
        own.github().addIssues(REPO, 1, 5);
        ServerProcess server = own.server();
        Api api = own.api();
        String held = api.claimId("keeper", REPO, 1);
        api.patch("/api/claims/" + held, Map.of("agent_id", "keeper", "status", "in_progress"));
        JsonNode before = api.get("/api/claims/" + held).json();

        List<HttpRequest> requests = requests(server.base(), held);
        List<String> failures = new ArrayList<>();
        for (HttpRequest request : requests) {
            Api.Answer answer = api.send(request);
            if (answer.status() >= 500) {
                failures.add(request.method() + " " + request.uri() + " -> " + answer.status() + " " + answer.text());
            }
            if (answer.status() >= 400 && !rejectedByContainer(request, answer) && !(answer.json().path("ok").isBoolean()
                    && !answer.json().get("ok").asBoolean() && answer.json().has("error"))) {
                failures.add(request.method() + " " + request.uri() + " -> " + answer.status()
                        + " without the error shape: " + answer.text());
            }
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).as("of %d requests, answered 5xx or without the error shape", requests.size()).isEmpty();
        assertThat(api.get("/api/health").status()).isEqualTo(200);
        assertThat(api.get("/api/claims/" + held).json()).as("the held claim is untouched").isEqualTo(before);
        JsonNode claims = api.get("/api/claims").json().get("claims");
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.get("repo").asText()).isEqualTo(REPO);
            assertThat(claim.get("issue_number").asInt()).isBetween(1, 5);
        });
        assertThat(claims).filteredOn(c -> c.get("issue_number").asInt() == 1).hasSize(1);
        assertThat(server.stderrText()).doesNotContain(ServerProcess.API_KEY)
                .doesNotContain(ServerProcess.GITHUB_TOKEN);
        assertThat(server.stdoutText()).isEmpty();
    }

    /** Liberty refuses an encoded NUL or an encoded path traversal with its own 400 before the application sees it. */
    private static boolean rejectedByContainer(HttpRequest request, Api.Answer answer) {
        String uri = request.uri().getRawPath();
        return answer.status() == 400 && (uri.contains("%00") || uri.contains("..%2F"));
    }

    private static List<HttpRequest> requests(String base, String held) {
        List<HttpRequest> out = new ArrayList<>();
        String key = "Bearer " + ServerProcess.API_KEY;
        String[] fields = {"agent_id", "repo", "issue_number", "status", "note", "pr_url", "reason"};
        for (String value : ODD_VALUES) {
            for (String field : fields) {
                String claimBody = "{\"agent_id\":\"mallory\",\"repo\":\"" + REPO + "\",\"issue_number\":2,\"" + field + "\":" + value + "}";
                out.add(Api.request(base + "/api/claims", "POST", claimBody, key));
                String patchBody = "{\"agent_id\":\"mallory\",\"status\":\"released\",\"" + field + "\":" + value + "}";
                out.add(Api.request(base + "/api/claims/" + held, "PATCH", patchBody, key));
            }
            out.add(Api.request(base + "/api/claims/" + held, "DELETE", "{\"agent_id\":" + value + "}", key));
            out.add(Api.request(base + "/api/next", "POST", "{\"agent_id\":\"m\",\"repo\":" + value + "}", key));
        }
        for (String body : BROKEN_BODIES) {
            out.add(Api.request(base + "/api/claims", "POST", body, key));
            out.add(Api.request(base + "/api/claims/" + held, "PATCH", body, key));
            out.add(Api.request(base + "/api/claims/" + held + "/heartbeat", "POST", body, key));
        }
        String[] oddIds = {"%00", "..%2F..%2Fetc", "' OR '1'='1", "x".repeat(5000), "%F0%9F%A6%80", "-1", "null", held + "x"};
        for (String id : oddIds) {
            out.add(Api.request(base + "/api/claims/" + id, "GET", null, key));
            out.add(Api.request(base + "/api/claims/" + id, "PATCH", "{\"agent_id\":\"m\",\"status\":\"released\"}", key));
            out.add(Api.request(base + "/api/claims/" + id, "DELETE", "{\"agent_id\":\"m\"}", key));
        }
        String[] queries = {"status=%27", "repo=a%2Fb%2Fc", "agent_id=%00", "limit=-5", "limit=abc", "limit=1e9",
            "cursor=!!!", "cursor=" + URLEncoder.encode("bm90OmFjdXJzb3I", StandardCharsets.UTF_8), "repo=" + "a".repeat(3000)};
        for (String query : queries) {
            out.add(Api.request(base + "/api/claims?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/claims/history?" + query, "GET", null, key));
            out.add(Api.request(base + "/api/my-work?" + query, "GET", null, key));
        }
        String[] auths = {null, "", "Bearer", "Bearer ", "bearer " + ServerProcess.API_KEY, "Basic dXNlcjpwYXNz",
            "Bearer " + ServerProcess.API_KEY + "x", "Token " + ServerProcess.API_KEY, "Bearer \u00e9\u00e9"};
        for (String auth : auths) {
            out.add(Api.request(base + "/api/claims", "GET", null, auth));
            out.add(Api.request(base + "/api/claims", "POST", "{\"agent_id\":\"m\",\"repo\":\"" + REPO + "\",\"issue_number\":3}", auth));
            out.add(Api.request(base + "/sse", "GET", null, auth));
        }
        String[] methods = {"PUT", "OPTIONS", "TRACE"};
        for (String method : methods) {
            out.add(Api.request(base + "/api/claims", method, "{}", key));
        }
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[random.nextInt(200) + 1];
            random.nextBytes(noise);
            out.add(HttpRequest.newBuilder(URI.create(base + "/api/claims")).header("Authorization", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(noise)).build());
        }
        out.add(HttpRequest.newBuilder(URI.create(base + "/api/claims")).header("Authorization", key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        out.add(Api.request(base + "/api/claims", "POST", "{\"agent_id\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}", key));
        return out;
    }
}
