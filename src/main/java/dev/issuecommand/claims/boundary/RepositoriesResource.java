package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.problems.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
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
        return Map.of("repos", repositories.list(flag(includeCounts, "include_counts", true)));
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
        return Map.of("issues", repositories.openIssues(ClaimParams.repo(owner + "/" + repo),
                text(label, "label"), text(milestone, "milestone")));
    }

    static boolean flag(String text, String field, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw JsonBody.invalid(field);
        };
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 || !JsonBody.isIdentifier(value)) {
            throw JsonBody.invalid(field);
        }
        return value.strip();
    }
}
