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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code next_work} with {@code wait_seconds} through the official MCP TypeScript client over Streamable HTTP
 * (docs/behaviour.md §18): the tool call waits, and answers the follow-up a webhook queues meanwhile.
 */
@WithSharedServer
class McpWaitingIT {

    private static final String REPO = "acme/wait-mcp";

    @Test
    void nextWorkWaitsForAFollowupAndAnswersIt(TestServer shared) throws Exception {
        ServerProcess server = shared.server();
        Api api = server.api();
        Path dir = ClientRun.workDir("mcp-waiting");
        CompletableFuture<ClientRun.Outcome> session = CompletableFuture.supplyAsync(() -> {
            try {
                return ClientRun.runHttp(dir, server.base() + "/mcp", "wait",
                        Map.of("repo", REPO, "agent", "waiting-mcp", "wait_seconds", 25));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(api, 1);

        String queued = queueFollowup(api, REPO, 4);

        ClientRun.Outcome outcome = session.join();
        assertThat(outcome.report().has("failure")).as(outcome.report().path("failure").asText()).isFalse();
        JsonNode call = outcome.report().path("calls").path("next_work");
        assertThat(call.path("is_error").asBoolean()).as(call.toString()).isFalse();
        assertThat(call.path("structured").path("kind").asText()).as(call.toString()).isEqualTo("pr_followup");
        assertThat(call.path("structured").path("work_item").path("work_item_id").asText()).isEqualTo(queued);
        assertThat(call.path("structured").path("work_item").path("claimed_by_agent_id").asText())
                .isEqualTo("waiting-mcp");
    }
}
