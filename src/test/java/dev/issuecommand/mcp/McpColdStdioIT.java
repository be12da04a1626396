package dev.issuecommand.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract through {@code java -jar issuecommand.jar mcp} with no server running: the front answers initialize
 * and the tool list itself, starts the shared background server, and the tool calls made meanwhile wait for it.
 */
class McpColdStdioIT extends McpStdioContract {

    private static final Pattern STARTED = Pattern.compile("\"event\":\"mcp.front.server_started\",\"pid\":\"(\\d+)\"");

    @Override
    ClientRun.Outcome session(Path dir, Map<String, Object> params) throws Exception {
        Map<String, String> env = new HashMap<>(environment(dir, ServerProcess.freePort()));
        env.put("IDLE_EXIT_MINUTES", "0.5");
        return ClientRun.run(dir, env, "full", params, List.of("mcp"));
    }

    @Override
    void end() {
        Matcher started = STARTED.matcher(run.stderr());
        if (started.find()) {
            ProcessHandle.of(Long.parseLong(started.group(1))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theFrontStartedOneBackgroundServerAndRelayedToIt() {
        assertThat(STARTED.matcher(run.stderr()).results().count()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).doesNotContain("Open Liberty").doesNotContain("liberty_message");
    }
}
