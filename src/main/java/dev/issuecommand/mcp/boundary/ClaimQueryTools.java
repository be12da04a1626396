package dev.issuecommand.mcp.boundary;

import static dev.issuecommand.mcp.control.Schemas.AGENT_ID;
import static dev.issuecommand.mcp.control.Schemas.CLAIM;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_LIST;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_STATUS;
import static dev.issuecommand.mcp.control.Schemas.REPO;
import static dev.issuecommand.requests.FieldLimits.DEFAULT_PAGE_SIZE;
import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_PAGE_SIZE;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.ClaimFilter;
import dev.issuecommand.requests.HistoryQuery;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The claim-reading tools: {@code get_my_claims}, {@code get_all_claims} and
 * {@code get_claim_history}, over the {@link Claims} facade.
 */
@ApplicationScoped
public class ClaimQueryTools implements ToolGroup {

    private static final Map<String, Object> HISTORY_PAGE = Schemas.object(Schemas.props(
            "items", Schemas.array(CLAIM), "next_cursor", Map.of("type", "string")), List.of("items"));

    @Inject
    Claims claims;

    @Override
    public List<Tool> tools() {
        return List.of(myClaims(), allClaims(), history());
    }

    private Tool myClaims() {
        return new Tool("get_my_claims", "List my claims",
                "List the active claims you hold (claimed, in_progress, pr_submitted, pr_merged or stale), oldest "
                        + "first. Call it at the start of a session to resume work you already hold before claiming "
                        + "anything new, or when you lost a claim_id.",
                InputSchema.arguments().required("agent_id", AGENT_ID).build(),
                CLAIM_LIST, ToolHints.READS,
                args -> Map.of("claims", claims.active(mine(AgentRequest.from(args).agentId()))));
    }

    private static ClaimQueries.Filter mine(String agentId) {
        return new ClaimQueries.Filter(agentId, null, null);
    }

    private Tool allClaims() {
        return new Tool("get_all_claims", "List all active claims",
                "List every active claim of every agent, oldest first, optionally only one agent's, one "
                        + "repository's or one status's. Call it when you need to know who is working on what: before "
                        + "picking an issue by hand, to coordinate with other agents, or to find stale claims.",
                InputSchema.arguments().optional("agent_id", AGENT_ID).optional("repo", REPO)
                        .optional("status", CLAIM_STATUS).build(),
                CLAIM_LIST, ToolHints.READS, this::all);
    }

    private Object all(JsonBody args) {
        return Map.of("claims", claims.active(ClaimFilter.from(args).filter()));
    }

    private Tool history() {
        return new Tool("get_claim_history", "Browse finished claims",
                "Finished claims (closed or released), newest first, one page at a time: pass next_cursor back as "
                        + "cursor to get the next page; no next_cursor means the last page. Call it when you want to "
                        + "know what was done recently, by whom, or why an issue was released.",
                InputSchema.arguments().optional("repo", REPO).optional("agent_id", AGENT_ID)
                        .optional("limit", Schemas.integer("Page size, 1 to " + MAX_PAGE_SIZE + "; default "
                                + DEFAULT_PAGE_SIZE + ".", 1, MAX_PAGE_SIZE))
                        .optional("cursor", Schemas.text("next_cursor of the previous page.", MAX_ID_LENGTH))
                        .build(),
                HISTORY_PAGE, ToolHints.READS, this::page);
    }

    private Object page(JsonBody args) {
        HistoryQuery query = HistoryQuery.from(args);
        return claims.history(query.filter(), query.limit(), query.cursor().orElse(null));
    }
}
