package dev.issuecommand.followups.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.followups.control.MyWork;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** {@code GET /api/my-work}: an agent's active claims and the active follow-ups it owns (docs/behaviour.md §8). */
@ApplicationScoped
@Tag(name = "work")
@Path("/api/my-work")
@Produces(MediaType.APPLICATION_JSON)
public class MyWorkResource {

    @Inject
    Callers callers;

    @Inject
    MyWork myWork;

    @Operation(summary = "An agent's active claims and follow-ups")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "MyWork")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    public Map<String, Object> myWork(
            @Parameter(description = "The agent (required)") @QueryParam("agent_id") String agentId) {
        AgentRequest request = AgentRequest.from(JsonBody.ofQuery("agent_id", agentId).sentBy(callers.sender()));
        return myWork.of(request.agentId());
    }
}
