package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.requests.IssueRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/issues/:owner/:repo/:number}: one issue with every comment; 404 when GitHub has none
 * (docs/behaviour.md §8).
 */
@ApplicationScoped
@Tag(name = "github")
@Path("/api/issues")
@Produces(MediaType.APPLICATION_JSON)
public class IssuesResource {

    @Inject
    Repositories repositories;

    @Operation(summary = "Read one issue with its comments",
            description = "Refusals: repository not allowed (403), no such issue on GitHub (404), GitHub "
            + "unavailable (502/503).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "IssueEnvelope")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "502", ref = "Problem")
    @APIResponse(responseCode = "503", ref = "Problem")
    @GET
    @Path("{owner}/{repo}/{number}")
    public Map<String, Object> issue(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("number") String number) {
        IssueRef issue = IssueRef.fromPath(owner, repo, number);
        return Map.of("issue", repositories.issue(issue.repo(), issue.number()));
    }
}
