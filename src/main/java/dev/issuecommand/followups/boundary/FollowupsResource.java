package dev.issuecommand.followups.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.ResultResponses;
import dev.issuecommand.requests.FollowupFilter;
import dev.issuecommand.requests.FollowupUpdate;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The follow-up routes of docs/behaviour.md §8: the active queue in priority order, and status changes. */
@ApplicationScoped
@Tag(name = "followups")
@Path("/api/followups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowupsResource {

    @Inject
    Callers callers;

    @Inject
    Followups followups;

    @Operation(summary = "List active follow-ups",
            description = "In queue priority order.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "FollowupList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    public Map<String, Object> list(@Parameter(description = "owner/repo") @QueryParam("repo") String repo,
            @Parameter(description = "Only items in this status") @QueryParam("status") String status,
            @Parameter(description = "Only items this agent owns") @QueryParam("claimed_by_agent_id") String agentId,
            @Parameter(description = "Only items of this pull request") @QueryParam("pr_number") String prNumber) {
        FollowupFilter filter = FollowupFilter.from(JsonBody.ofQuery("repo", repo, "status", status,
                "claimed_by_agent_id", agentId, "pr_number", prNumber));
        return Map.of("followups", followups.active(filter.filter()));
    }

    @Operation(summary = "Read one follow-up",
            description = "work_item_not_found (404) otherwise.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowupResult.class)))
    @APIResponse(responseCode = "404", ref = "Problem")
    @GET
    @Path("{workItemId}")
    public Map<String, Object> get(@PathParam("workItemId") String workItemId) {
        return followups.find(workItemId).<Map<String, Object>>map(item -> Map.of("ok", true, "work_item", item))
                .orElseThrow(() -> new ApiException(Problem.refusal(Reason.WORK_ITEM_NOT_FOUND,
                        FollowupResult.notFound(workItemId).message(), null, null)));
    }

    @Operation(summary = "Change a follow-up's status",
            description = "claimed or in_progress takes an unowned item; otherwise owner only. Refusals: "
            + "work_item_not_found (404), agent_mismatch and invalid_transition (409).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowupResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = FollowupUpdate.class)))
    @PATCH
    @Path("{workItemId}")
    public Response update(@PathParam("workItemId") String workItemId, String text) {
        FollowupUpdate update = FollowupUpdate.from(JsonBody.parse(text).sentBy(callers.sender()));
        return ResultResponses.of(followups.update(workItemId, update.agentId(), update.status(), update.note()));
    }
}
