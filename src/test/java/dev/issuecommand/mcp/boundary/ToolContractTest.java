package dev.issuecommand.mcp.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.issuecommand.mcp.entity.Tool;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tool names, argument names and hints are a contract (docs/behaviour.md §10): checked here without a server. */
class ToolContractTest {

    private static final List<Tool> TOOLS = ToolCatalog.tools();

    private static Map<String, Tool> byName() {
        Map<String, Tool> tools = new LinkedHashMap<>();
        TOOLS.forEach(tool -> tools.put(tool.name(), tool));
        return tools;
    }

    @SuppressWarnings("unchecked")
    private static List<String> arguments(Tool tool) {
        return List.copyOf(((Map<String, Object>) tool.inputSchema().get("properties")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Tool tool) {
        return (List<String>) tool.inputSchema().getOrDefault("required", List.of());
    }

    @Test
    void namesAndArgumentsAreThoseOfTheSpec() {
        Map<String, Tool> tools = byName();
        assertThat(tools).hasSize(TOOLS.size());
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        tools.forEach((name, tool) -> arguments.put(name, arguments(tool)));
        assertThat(arguments).containsOnly(
                entry("claim_issue", List.of("agent_id", "repo", "issue_number")),
                entry("release_issue", List.of("claim_id", "agent_id", "reason")),
                entry("update_claim_status", List.of("claim_id", "agent_id", "status", "note", "pr_url")),
                entry("heartbeat_claim", List.of("claim_id", "agent_id")),
                entry("get_my_claims", List.of("agent_id")),
                entry("get_my_work", List.of("agent_id")),
                entry("get_all_claims", List.of("agent_id", "repo", "status")),
                entry("get_claim_history", List.of("repo", "agent_id", "limit", "cursor")),
                entry("system_health", List.of()),
                entry("next_issue", List.of("agent_id", "repo", "label", "milestone", "wait_seconds")),
                entry("list_open_issues", List.of("repo", "label", "milestone")),
                entry("get_issue_details", List.of("repo", "issue_number")),
                entry("list_repos", List.of("include_counts")),
                entry("next_work", List.of("agent_id", "repo", "label", "milestone", "wait_seconds")),
                entry("get_followups", List.of("repo", "status", "claimed_by_agent_id", "pr_number")),
                entry("update_followup_status", List.of("work_item_id", "agent_id", "status", "note")),
                entry("list_quarantine", List.of("repo")));
        assertThat(required(tools.get("update_followup_status"))).containsExactly("work_item_id", "agent_id", "status");
        assertThat(required(tools.get("next_work"))).containsExactly("agent_id");
        assertThat(required(tools.get("list_repos"))).isEmpty();
        assertThat(required(tools.get("claim_issue"))).containsExactly("agent_id", "repo", "issue_number");
        assertThat(required(tools.get("update_claim_status"))).containsExactly("claim_id", "agent_id", "status");
        assertThat(required(tools.get("next_issue"))).containsExactly("agent_id");
        assertThat(required(tools.get("get_all_claims"))).isEmpty();
        assertThat(required(tools.get("get_claim_history"))).isEmpty();
        assertThat(required(tools.get("list_quarantine"))).isEmpty();
    }

    @Test
    void hintsAreTruthful() {
        Map<String, Tool> tools = byName();
        assertThat(TOOLS).filteredOn(tool -> tool.hints().readOnly()).extracting(Tool::name).containsExactlyInAnyOrder(
                "get_my_claims", "get_my_work", "get_all_claims", "get_claim_history", "system_health",
                "list_open_issues", "get_issue_details", "list_repos", "get_followups", "list_quarantine");
        assertThat(TOOLS).filteredOn(tool -> tool.hints().destructive()).extracting(Tool::name)
                .containsExactlyInAnyOrder("release_issue", "update_claim_status");
        assertThat(tools.get("next_issue").hints().idempotent()).as("each call claims another issue").isFalse();
        assertThat(tools.get("claim_issue").hints().idempotent()).as("the owner re-claiming changes nothing").isTrue();
        assertThat(TOOLS).filteredOn(tool -> tool.hints().openWorld()).extracting(Tool::name).containsExactlyInAnyOrder(
                "claim_issue", "update_claim_status", "next_issue", "list_open_issues", "get_issue_details", "list_repos",
                "next_work");
    }

    @Test
    void everyToolExplainsWhenToCallItAndDeclaresValidSchemas() {
        JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
        for (Tool tool : TOOLS) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80).containsIgnoringCase("when");
            assertThat(tool.title()).as(tool.name()).isNotBlank();
            assertThat(tool.outputSchema()).as(tool.name() + " has a fixed shape").isNotNull();
            assertThat(validator.validateSchema(tool.inputSchema()).valid()).as(tool.name() + " input").isTrue();
            assertThat(validator.validateSchema(tool.outputSchema()).valid()).as(tool.name() + " output").isTrue();
        }
    }
}
