package dev.issuecommand.mcp.control;

import dev.issuecommand.mcp.entity.Tool;
import java.util.List;

/**
 * A CDI bean contributing tools to the {@link ToolTable}; one per feature (claims, issues, health, …).
 * Adding a tool is adding it to a group, or adding a group: the table finds every bean of this type.
 */
public interface ToolGroup {

    List<Tool> tools();
}
