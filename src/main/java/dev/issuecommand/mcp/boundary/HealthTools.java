package dev.issuecommand.mcp.boundary;

import dev.issuecommand.claims.control.HealthSummary;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** {@code system_health}: the answer of {@code GET /api/health}. */
@ApplicationScoped
public class HealthTools implements ToolGroup {

    private static final Map<String, Object> INTEGER = Map.of("type", "integer");
    private static final Map<String, Object> HEALTH = Schemas.object(Schemas.props(
            "ok", Map.of("type", "boolean"),
            "demo", Map.of("type", "boolean"),
            "health", Schemas.object(Schemas.props("uptime_seconds", INTEGER, "total_claims", INTEGER,
                    "active_claims", INTEGER, "active_agents", INTEGER, "stale_claims", INTEGER,
                    "last_github_sync_at", Map.of("type", "string")),
                    List.of("uptime_seconds", "total_claims", "active_claims", "active_agents", "stale_claims"))),
            List.of("ok", "demo", "health"));

    @Inject
    HealthSummary summary;

    @Inject
    Settings settings;

    @Override
    public List<Tool> tools() {
        return List.of(new Tool("system_health", "IssueCommand health",
                "Check that IssueCommand is working and get an overview: uptime, claims ever made, active claims, "
                        + "active agents, stale claims, the time of the last GitHub sync, and whether this server is a demo "
                        + "(simulated GitHub and agents). Call it when other tools "
                        + "fail unexpectedly, or to see how busy the agents are.",
                InputSchema.arguments().build(), HEALTH, ToolHints.READS,
                args -> Map.of("ok", true, "demo", settings.demo(), "health", summary.summary())));
    }
}
