package dev.issuecommand.mcp;

import static dev.issuecommand.waiting.WaitingProbe.awaitWaiting;
import static dev.issuecommand.waiting.WaitingProbe.queueFollowup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithSharedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code next_work} with {@code wait_seconds} through the official MCP TypeScript client (docs/behaviour.md §18), over
 * Streamable HTTP and through the stdio front relaying to the shared server: the tool call waits, and answers the
 * follow-up a webhook queues meanwhile.
 */
@WithSharedServer
class McpWaitingIT {

    private static final String REPO = "acme/wait-mcp";

    @Test
    void nextWorkOverHttpWaitsForAFollowupAndAnswersIt(TestServer shared) throws Exception {
        ServerProcess server = shared.server();
        Path dir = ClientRun.workDir("mcp-waiting-http");
        assertAnswersTheFollowupQueuedWhileItWaits(server.api(), "waiting-mcp-http", 4, () -> ClientRun.runHttp(dir,
                server.base() + "/mcp", "wait", Map.of("repo", REPO, "agent", "waiting-mcp-http", "wait_seconds", 25)));
    }

    @Test
    void theStdioFrontRelaysAWaitingCallUntilItIsAnswered(TestServer shared) throws Exception {
        ServerProcess server = shared.server();
        Path dir = ClientRun.workDir("mcp-waiting-front");
        Map<String, String> env = ClientRun.environment(shared.github(), shared.database(), server.port(), Map.of());
        assertAnswersTheFollowupQueuedWhileItWaits(server.api(), "waiting-mcp-front", 5, () -> ClientRun.run(dir, env,
                "wait", Map.of("repo", REPO, "agent", "waiting-mcp-front", "wait_seconds", 25), List.of("mcp")));
    }

    /** Starts {@code session}, queues a follow-up once its next_work call waits, and checks that it got it. */
    private static void assertAnswersTheFollowupQueuedWhileItWaits(Api api, String agent, int pr,
            Callable<ClientRun.Outcome> session) {
        CompletableFuture<ClientRun.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return session.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(api, 1);

        String queued = queueFollowup(api, REPO, pr);

        JsonNode report = outcome.join().report();
        assertThat(report.has("failure")).as(report.path("failure").asText()).isFalse();
        JsonNode call = report.path("calls").path("next_work");
        assertThat(call.path("is_error").asBoolean()).as(call.toString()).isFalse();
        assertThat(call.path("structured").path("kind").asText()).as(call.toString()).isEqualTo("pr_followup");
        assertThat(call.path("structured").path("work_item").path("work_item_id").asText()).isEqualTo(queued);
        assertThat(call.path("structured").path("work_item").path("claimed_by_agent_id").asText()).isEqualTo(agent);
    }
}
