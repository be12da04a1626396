package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.issuecommand.it.support.FakeGitHub;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MCP contract (docs/mcp.md), the same for every way of reaching the tools: the official MCP TypeScript SDK client
 * runs one scenario (initialize, the tool list with schemas, every tool against a fake GitHub, refusals, argument
 * errors) and each subclass says how it reaches the server: stdio with a cold start, stdio relayed to a running
 * server, or Streamable HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class McpContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REPO = "acme/widgets";

    FakeGitHub github;
    ClientRun.Outcome run;
    JsonNode calls;

    /** Runs scenario {@code full} of {@code drive.mjs} with {@code params} through this subclass's path. */
    abstract ClientRun.Outcome session(Path dir, Map<String, Object> params) throws Exception;

    /** Stops what {@link #session} started. */
    void end() throws Exception {
    }

    @BeforeAll
    void session() throws Exception {
        Path dir = ClientRun.workDir(getClass().getSimpleName());
        github = new FakeGitHub();
        github.addIssues(REPO, 1, 3);
        github.addIssue(REPO, 4, "Medium one", "p1");
        github.addIssue(REPO, 5, "Urgent one", "P0");
        run = session(dir, Map.of("repo", REPO, "outside_repo", "evil/repo", "missing_issue", 999));
        calls = run.report().path("calls");
    }

    /** The settings of a server (or front) for this contract, on {@code port}. */
    Map<String, String> environment(Path dir, int port) {
        return ClientRun.environment(github, dir.resolve("mcp.db"), port, Map.of("ALLOWED_REPOS", REPO));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            end();
        } finally {
            github.close();
        }
    }

    JsonNode result(String key) {
        JsonNode call = calls.path(key);
        assertThat(call.has("thrown")).as(key + " threw in the client: " + call.path("thrown").asText()).isFalse();
        assertThat(call.isMissingNode()).as(key + " was called; client: " + run.report()).isFalse();
        return call;
    }

    JsonNode ok(String key) {
        JsonNode call = result(key);
        assertThat(call.path("is_error").asBoolean()).as(key + ": " + call).isFalse();
        JsonNode structured = call.path("structured");
        assertThat(readJson(call.path("text").path(0).asText())).as(key + ": text = structured")
                .isEqualTo(structured);
        return structured;
    }

    String toolError(String key) {
        JsonNode call = result(key);
        assertThat(call.path("is_error").asBoolean()).as(key + ": " + call).isTrue();
        return call.path("text").path(0).asText();
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void initializesAndListsEveryToolWithSchemasAndHints() {
        assertThat(run.report().has("failure")).as(run.report().path("failure").asText() + run.clientStderr()).isFalse();
        assertThat(run.report().path("server").path("name").asText()).isEqualTo("issuecommand");
        assertThat(run.report().path("capabilities").has("tools")).isTrue();
        assertThat(run.report().path("instructions").asText()).contains("agent_id");
        JsonNode tools = run.report().path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("claim_issue", "release_issue", "update_claim_status",
                "heartbeat_claim", "get_my_claims", "get_my_work", "get_all_claims", "get_claim_history",
                "system_health", "next_issue", "list_open_issues", "get_issue_details", "list_repos", "next_work",
                "get_followups", "update_followup_status", "list_quarantine");
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            assertThat(tool.path("description").asText()).as(name).isNotBlank();
            assertThat(tool.path("inputSchema").path("type").asText()).as(name).isEqualTo("object");
            assertThat(tool.path("outputSchema").path("type").asText()).as(name).isEqualTo("object");
            assertThat(tool.path("annotations").has("readOnlyHint")).as(name).isTrue();
        }
        JsonNode claim = StreamSupport.stream(tools.spliterator(), false)
                .filter(tool -> tool.path("name").asText().equals("claim_issue")).findFirst().orElseThrow();
        assertThat(claim.at("/inputSchema/required")).extracting(JsonNode::asText)
                .containsExactly("agent_id", "repo", "issue_number");
        assertThat(claim.at("/inputSchema/properties/issue_number/type").asText()).isEqualTo("integer");
        assertThat(claim.at("/annotations/readOnlyHint").asBoolean()).isFalse();
        assertThat(claim.at("/annotations/destructiveHint").asBoolean()).isFalse();
    }

    @Test
    void claimLifecycleThroughTools() {
        JsonNode claimed = ok("claim_issue");
        assertThat(claimed.path("ok").asBoolean()).isTrue();
        JsonNode claim = claimed.path("claim");
        assertThat(claim.path("agent_id").asText()).isEqualTo("agent-a");
        assertThat(claim.path("repo").asText()).isEqualTo(REPO);
        assertThat(claim.path("issue_number").asInt()).isEqualTo(1);
        assertThat(claim.path("issue_title").asText()).isEqualTo("Issue 1");
        assertThat(claim.path("status").asText()).isEqualTo("claimed");
        assertThat(Instant.parse(claim.path("stale_at").asText())).as("when to send a heartbeat by")
                .isAfter(Instant.parse(claim.path("last_activity_at").asText()));
        String claimId = claim.path("claim_id").asText();

        JsonNode again = ok("claim_issue_again");
        assertThat(again.path("idempotent").asBoolean()).isTrue();
        assertThat(again.at("/claim/claim_id").asText()).isEqualTo(claimId);

        JsonNode progress = ok("update_claim_status").path("claim");
        assertThat(progress.path("status").asText()).isEqualTo("in_progress");
        assertThat(progress.at("/status_history/1/note").asText()).isEqualTo("starting");

        JsonNode beat = ok("heartbeat_claim");
        assertThat(beat.path("ok").asBoolean()).isTrue();
        assertThat(beat.at("/claim/status").asText()).isEqualTo("in_progress");

        assertThat(ok("get_my_claims").path("claims")).extracting(c -> c.path("claim_id").asText()).containsExactly(claimId);
        JsonNode work = ok("get_my_work").path("work");
        assertThat(work.path("claims")).extracting(c -> c.path("claim_id").asText()).containsExactly(claimId);
        assertThat(work.path("followups")).isEmpty();

        JsonNode released = ok("release_issue");
        assertThat(released.at("/claim/status").asText()).isEqualTo("released");
        JsonNode changes = released.at("/claim/status_history");
        assertThat(changes).extracting(change -> change.path("status").asText())
                .as("a heartbeat adds no history entry").containsExactly("claimed", "in_progress", "released");
        assertThat(changes.get(2).path("note").asText()).isEqualTo("handing off");

        JsonNode history = ok("get_claim_history");
        assertThat(history.path("items")).hasSize(1);
        assertThat(history.at("/items/0/claim_id").asText()).isEqualTo(claimId);
    }

    @Test
    void refusalsAreResultsWithOkFalse() {
        JsonNode taken = ok("claim_issue_taken");
        assertThat(taken.path("ok").asBoolean()).isFalse();
        assertThat(taken.path("reason").asText()).isEqualTo("already_claimed");
        assertThat(taken.path("owner_agent_id").asText()).isEqualTo("agent-a");

        JsonNode noPr = ok("update_claim_status_no_pr");
        assertThat(noPr.path("reason").asText()).isEqualTo("invalid_transition");
        assertThat(noPr.path("message").asText()).contains("pr_url");

        JsonNode other = ok("heartbeat_claim_other");
        assertThat(other.path("reason").asText()).isEqualTo("agent_mismatch");

        JsonNode missing = ok("claim_issue_missing");
        assertThat(missing.path("ok").asBoolean()).isFalse();
        assertThat(missing.path("reason").asText()).isEqualTo("invalid_issue");
        assertThat(missing.path("message").asText()).contains("not found on GitHub");
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheArgument() {
        assertThat(toolError("claim_issue_bad_number")).isEqualTo("Missing or invalid field: issue_number");
        assertThat(toolError("claim_issue_no_repo")).isEqualTo("Missing or invalid field: repo");
        assertThat(toolError("update_claim_status_bad")).isEqualTo("Invalid claim status: finished (argument status)");
        assertThat(toolError("get_all_claims_bad_status")).isEqualTo("Invalid claim status: done (argument status)");
        assertThat(toolError("get_claim_history_bad_limit")).isEqualTo("Missing or invalid field: limit");
        assertThat(toolError("get_my_work_no_agent")).isEqualTo("Missing or invalid field: agent_id");
        assertThat(toolError("list_open_issues_outside")).contains("evil/repo", "ALLOWED_REPOS", "repo");
        assertThat(toolError("get_issue_details_missing")).isEqualTo("Issue acme/widgets#999 was not found on GitHub");
    }

    @Test
    void issueToolsReadTheFakeGitHub() {
        JsonNode issue = ok("get_issue_details").path("issue");
        assertThat(issue.path("number").asInt()).isEqualTo(1);
        assertThat(issue.path("title").asText()).isEqualTo("Issue 1");
        assertThat(issue.path("body").asText()).isEqualTo("Body of Issue 1");
        assertThat(issue.path("comments").isArray()).isTrue();

        JsonNode open = ok("list_open_issues").path("issues");
        assertThat(open).extracting(i -> i.path("number").asInt()).as("priority first, then oldest")
                .containsExactly(5, 4, 1, 2, 3);

        JsonNode next = ok("next_issue");
        assertThat(next.path("ok").asBoolean()).isTrue();
        assertThat(next.at("/claim/agent_id").asText()).isEqualTo("agent-b");
        assertThat(next.at("/claim/issue_number").asInt()).as("the P0 issue").isEqualTo(5);
        assertThat(next.at("/issue/title").asText()).isEqualTo("Urgent one");

        assertThat(ok("get_all_claims").path("claims")).extracting(c -> c.path("issue_number").asInt())
                .containsExactlyInAnyOrder(1, 5);
        assertThat(ok("get_all_claims_b").path("claims")).extracting(c -> c.path("issue_number").asInt())
                .containsExactly(5);
        JsonNode health = ok("system_health");
        assertThat(health.path("ok").asBoolean()).isTrue();
        assertThat(health.at("/health/active_claims").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void followupAndRepositoryToolsAnswer() {
        assertThat(ok("list_repos").path("repos")).extracting(r -> r.path("full_name").asText()).containsExactly(REPO);
        assertThat(ok("list_repos").at("/repos/0/open_issue_count").asInt()).isEqualTo(5);
        assertThat(ok("get_followups").path("followups")).isEmpty();
        assertThat(ok("list_quarantine").path("quarantined")).as("nothing went stale").isEmpty();
        JsonNode unknown = ok("update_followup_status_unknown");
        assertThat(unknown.path("ok").asBoolean()).isFalse();
        assertThat(unknown.path("reason").asText()).isEqualTo("work_item_not_found");
        assertThat(toolError("update_followup_status_bad")).isEqualTo("Invalid follow-up status: finished (argument status)");
        JsonNode work = ok("next_work");
        assertThat(work.path("ok").asBoolean()).isTrue();
        assertThat(work.path("kind").asText()).as("no follow-up queued: an issue").isEqualTo("issue");
        assertThat(work.at("/claim/agent_id").asText()).isEqualTo("agent-c");
        assertThat(work.at("/issue/number").asInt()).isEqualTo(work.at("/claim/issue_number").asInt());
    }
}
