package dev.issuecommand.mcp.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.RepoListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** {@code list_repos}: the repositories agents may work on, over the {@link Repositories} facade. */
@ApplicationScoped
public class RepositoryTools implements ToolGroup {

    private static final Map<String, Object> STRING = Map.of("type", "string");
    private static final Map<String, Object> REPO_LIST = Schemas.object(Schemas.props("repos", Schemas.array(
            Schemas.object(Schemas.props("full_name", STRING, "owner", STRING, "name", STRING, "url", STRING,
                    "description", STRING, "private", Map.of("type", "boolean"),
                    "open_issue_count", Map.of("type", "integer")), List.of("full_name", "owner", "name")))),
            List.of("repos"));

    @Inject
    Repositories repositories;

    @Override
    public List<Tool> tools() {
        return List.of(new Tool("list_repos", "List repositories",
                "List the repositories you may work on (ALLOWED_REPOS, or every repository the token can see), "
                        + "with their number of open issues unless include_counts is false. Call it first when you "
                        + "do not know which repository to pass to next_work, next_issue or list_open_issues.",
                InputSchema.arguments().optional("include_counts",
                        Schemas.bool("Also count open issues (one GitHub request per repository); default true.")).build(),
                REPO_LIST, ToolHints.READS_GITHUB, this::list));
    }

    private Object list(JsonBody args) {
        return Map.of("repos", repositories.list(RepoListQuery.from(args).includeCounts()));
    }
}
