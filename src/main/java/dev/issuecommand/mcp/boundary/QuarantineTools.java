package dev.issuecommand.mcp.boundary;

import static dev.issuecommand.mcp.control.Schemas.REPO;

import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.QuarantineFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** {@code list_quarantine}: the issues set aside because their claims kept going stale, over {@link Quarantines}. */
@ApplicationScoped
public class QuarantineTools implements ToolGroup {

    private static final Map<String, Object> QUARANTINE_LIST = Schemas.object(
            Schemas.props("quarantined", Schemas.array(Schemas.QUARANTINE)), List.of("quarantined"));

    @Inject
    Quarantines quarantines;

    @Override
    public List<Tool> tools() {
        return List.of(new Tool("list_quarantine", "List quarantined issues",
                "List the issues set aside because claims on them kept going stale or being auto-released "
                        + "(strikes within the window). Call it when next_issue or next_work hand out nothing while "
                        + "open issues remain, or to see which issues need a closer look: next_issue and next_work "
                        + "skip them; claim_issue still claims one and answers quarantined:true. An operator "
                        + "releases them, and a new comment or an edited body on GitHub releases them too.",
                InputSchema.arguments().optional("repo", REPO).build(),
                QUARANTINE_LIST, ToolHints.READS, this::list));
    }

    private Object list(JsonBody args) {
        return Map.of("quarantined", quarantines.list(QuarantineFilter.from(args).repo()));
    }
}
