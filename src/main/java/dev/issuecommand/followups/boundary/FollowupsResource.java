package dev.issuecommand.followups.boundary;

import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ResultResponses;
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

/** The follow-up routes of SPEC §8: the active queue in priority order, and status changes. */
@ApplicationScoped
@Path("/api/followups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowupsResource {

    @Inject
    Followups followups;

    @GET
    public Map<String, Object> list(@QueryParam("repo") String repo, @QueryParam("status") String status,
            @QueryParam("claimed_by_agent_id") String agentId, @QueryParam("pr_number") String prNumber) {
        return Map.of("followups", followups.active(FollowupParams.filter(repo, status, agentId, prNumber)));
    }

    @GET
    @Path("{workItemId}")
    public Map<String, Object> get(@PathParam("workItemId") String workItemId) {
        return followups.find(workItemId).<Map<String, Object>>map(item -> Map.of("ok", true, "work_item", item))
                .orElseThrow(() -> new ApiException(Problem.refusal(404,
                        FollowupResult.NOT_FOUND, "Follow-up " + workItemId + " not found", null, null)));
    }

    @PATCH
    @Path("{workItemId}")
    public Response update(@PathParam("workItemId") String workItemId, String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        String statusText = body.requiredString("status");
        FollowupStatus status = FollowupParams.status(statusText, "");
        String note = body.optionalText("note").orElse(null);
        return respond(followups.update(workItemId, agentId, status, note));
    }

    static Response respond(FollowupResult result) {
        return ResultResponses.of(result.ok(), result, result.reason(), result.message(), result.ownerAgentId(), null);
    }
}
