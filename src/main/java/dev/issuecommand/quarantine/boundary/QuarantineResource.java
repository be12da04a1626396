package dev.issuecommand.quarantine.boundary;

import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.quarantine.control.Quarantines;
import dev.issuecommand.quarantine.entity.QuarantineView;
import dev.issuecommand.requests.IssueRef;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.QuarantineFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

/** {@code GET /api/quarantine} and {@code DELETE /api/quarantine/:owner/:repo/:number} (docs/behaviour.md §17). */
@ApplicationScoped
@Tag(name = "quarantine")
@Path("/api/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    @Inject
    Quarantines quarantines;

    @Inject
    RepositoryPolicy repositories;

    @Operation(summary = "List quarantined issues",
            description = "Issues whose claims kept going stale: next_issue and next_work skip them until released.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "QuarantineList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    public Map<String, Object> list(@Parameter(description = "owner/repo") @QueryParam("repo") String repo) {
        QuarantineFilter filter = QuarantineFilter.from(JsonBody.ofQuery("repo", repo));
        return Map.of("quarantined", quarantines.list(filter.repo()));
    }

    @Operation(summary = "Release a quarantined issue",
            description = "next_issue and next_work hand it out again. not_quarantined (404) when it is not.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "QuarantineRelease")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @DELETE
    @Path("{owner}/{repo}/{number}")
    public Map<String, Object> release(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("number") String number) {
        IssueRef issue = IssueRef.fromPath(owner, repo, number);
        repositories.keyRefusal(issue.repo()).ifPresent(refused -> {
            throw refused.asException();
        });
        QuarantineView released = quarantines.release(issue.repo(), issue.number(), "released on request")
                .orElseThrow(() -> new ApiException(Problem.of(404, "not_quarantined", "Not quarantined",
                        "Issue " + issue.repo() + "#" + issue.number() + " is not quarantined")));
        return Map.of("released", true, "quarantine", released);
    }
}
