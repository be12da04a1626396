package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.requests.IssueListQuery;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.RepoListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/repos} and {@code GET /api/repos/:owner/:repo/issues} (docs/behaviour.md §8). */
@ApplicationScoped
@Tag(name = "github")
@Path("/api/repos")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoriesResource {

    @Inject
    Repositories repositories;

    @Operation(summary = "List repositories",
            description = "The repositories the token can see, narrowed by ALLOWED_REPOS.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RepoList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "502", ref = "Problem")
    @APIResponse(responseCode = "503", ref = "Problem")
    @GET
    public Map<String, Object> list(
            @Parameter(description = "Add open_issue_count (default true)") @QueryParam("include_counts")
            String includeCounts) {
        RepoListQuery query = RepoListQuery.from(JsonBody.ofQuery("include_counts", includeCounts));
        return Map.of("repos", repositories.list(query.includeCounts()));
    }

    @Operation(summary = "List a repository's open issues",
            description = "Pull requests left out.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "IssueList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "502", ref = "Problem")
    @APIResponse(responseCode = "503", ref = "Problem")
    @GET
    @Path("{owner}/{repo}/issues")
    public Map<String, Object> issues(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @Parameter(description = "Only issues with this label") @QueryParam("label") String label,
            @Parameter(description = "Only issues of this milestone") @QueryParam("milestone") String milestone) {
        IssueListQuery query = IssueListQuery.from(JsonBody.ofQuery("repo", owner + "/" + repo, "label", label,
                "milestone", milestone));
        return Map.of("issues", repositories.openIssues(query.repo(), query.label(), query.milestone()));
    }
}
