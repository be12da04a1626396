package dev.issuecommand.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.github.GitHubUnavailableException;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.ClaimUpdate;
import dev.issuecommand.requests.HistoryQuery;
import dev.issuecommand.requests.JsonBody;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How one tool call is answered: payload twice (structured and text), and errors as tool errors. */
class ToolCallsTest {

    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.shared());

    private static Tool tool(Function<JsonBody, Object> handler) {
        return new Tool("demo", "Demo", "A demo tool.", InputSchema.arguments().build(), null, ToolHints.READS, handler);
    }

    /** The answer of a call whose payload is at hand. */
    private static CallToolResult answer(Tool tool, Map<String, Object> args, McpJsonMapper json, Caller caller) {
        return ToolCalls.answer(tool, args, json, caller).join();
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void payloadIsStructuredContentAndTheSameJsonAsText() throws Exception {
        CallToolResult result = answer(tool(args -> Map.of("claims", List.of(
                Map.of("claim_id", "c1", "issue_number", 7)))), Map.of(), JSON, Caller.ADMIN);
        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("claims", List.of(Map.of("claim_id", "c1", "issue_number", 7))));
        assertThat(JSON.readValue(text(result), Map.class)).isEqualTo(result.structuredContent());
    }

    @Test
    void recordsAreSnakeCaseWithoutNulls() {
        CallToolResult result = answer(tool(args -> ClaimResult.refused(Reason.ALREADY_CLAIMED,
                "Issue a/b#1 is already claimed by x", null, "x")), Map.of(), JSON, Caller.ADMIN);
        assertThat(result.isError()).as("a refusal is an ordinary result").isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("ok", false, "reason", "already_claimed",
                "message", "Issue a/b#1 is already claimed by x", "owner_agent_id", "x"));
    }

    @Test
    void argumentsAreReadWithTheHttpRulesAndErrorsNameTheArgument() {
        Tool claim = tool(args -> Map.of("n", args.requiredPositiveInt("issue_number"), "repo",
                args.requiredRepo("repo").fullName()));
        Map<String, Object> args = new HashMap<>(Map.of("repo", "acme/widgets", "issue_number", 3));
        assertThat(answer(claim, args, JSON, Caller.ADMIN).structuredContent()).isEqualTo(Map.of("n", 3, "repo", "acme/widgets"));

        args.put("issue_number", "3");
        CallToolResult wrongType = answer(claim, args, JSON, Caller.ADMIN);
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).isEqualTo("Missing or invalid field: issue_number");
        assertThat(wrongType.structuredContent()).isNull();

        args.put("issue_number", 3);
        args.put("repo", "no-slash");
        assertThat(text(answer(claim, args, JSON, Caller.ADMIN))).isEqualTo("Missing or invalid field: repo");
        assertThat(text(answer(claim, null, JSON, Caller.ADMIN))).isEqualTo("Missing or invalid field: issue_number");
    }

    @Test
    void statusLimitAndCursorFollowTheRoutes() {
        assertThat(text(answer(tool(ClaimUpdate::from), Map.of("agent_id", "a", "status", "finished"), JSON, Caller.ADMIN)))
                .isEqualTo("Invalid claim status: finished (argument status)");
        assertThat(text(answer(tool(HistoryQuery::from), Map.of("limit", 201), JSON, Caller.ADMIN)))
                .isEqualTo("Missing or invalid field: limit");
        assertThat(answer(tool(args -> Map.of("limit", HistoryQuery.from(args).limit())), Map.of(), JSON, Caller.ADMIN)
                .structuredContent()).isEqualTo(Map.of("limit", 50));
        assertThat(text(answer(tool(HistoryQuery::from), Map.of("cursor", "not a cursor"), JSON, Caller.ADMIN)))
                .isEqualTo("Missing or invalid field: cursor");
    }

    @Test
    void anAgentKeyActsAsItsAgentAndNoOther() {
        Caller agent = Caller.agent("agent-a", Set.of());
        Tool whoAmI = tool(args -> Map.of("agent", AgentRequest.from(args).agentId()));
        assertThat(answer(whoAmI, Map.of(), JSON, agent).structuredContent())
                .isEqualTo(Map.of("agent", "agent-a"));
        assertThat(answer(whoAmI, Map.of("agent_id", "agent-a"), JSON, agent).structuredContent())
                .isEqualTo(Map.of("agent", "agent-a"));
        assertThat(text(answer(whoAmI, Map.of("agent_id", "agent-b"), JSON, agent)))
                .isEqualTo("This key belongs to agent agent-a; it cannot act as agent-b");
        assertThat(text(answer(whoAmI, Map.of(), JSON, Caller.ADMIN)))
                .as("the shared key names the agent").isEqualTo("Missing or invalid field: agent_id");
    }

    @Test
    void githubFailureIsAToolErrorSayingSo() {
        CallToolResult result = answer(tool(args -> {
            throw new GitHubUnavailableException("GitHub is unreachable (ConnectException)", 503);
        }), Map.of(), JSON, Caller.ADMIN);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("GitHub is unavailable, try again later: GitHub is unreachable (ConnectException)");
    }

    @Test
    void unexpectedFailureLeaksNoExceptionText() {
        CallToolResult result = answer(tool(args -> {
            throw new IllegalStateException("secret internals");
        }), Map.of(), JSON, Caller.ADMIN);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("Internal error in demo (correlation id ").doesNotContain("secret");
    }

    @Test
    void aWaitingCallIsAnsweredWhenItsFutureCompletes() {
        CompletableFuture<Object> later = new CompletableFuture<>();
        CompletableFuture<CallToolResult> answer = ToolCalls.answer(tool(args -> later), Map.of(), JSON, Caller.ADMIN);
        assertThat(answer).as("no answer while the call waits").isNotDone();
        later.complete(Map.of("ok", true));
        assertThat(answer.join().structuredContent()).isEqualTo(Map.of("ok", true));

        CompletableFuture<Object> failing = new CompletableFuture<>();
        CompletableFuture<CallToolResult> refused = ToolCalls.answer(tool(args -> failing), Map.of(), JSON, Caller.ADMIN);
        failing.completeExceptionally(new GitHubUnavailableException("GitHub is unreachable (ConnectException)", 503));
        assertThat(refused.join().isError()).isTrue();
        assertThat(text(refused.join())).startsWith("GitHub is unavailable, try again later");
    }
}
