package dev.issuecommand.followups.boundary;

import dev.issuecommand.followups.control.MyWork;
import dev.issuecommand.problems.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/my-work}: an agent's active claims and the active follow-ups it owns (SPEC §8). */
@ApplicationScoped
@Path("/api/my-work")
@Produces(MediaType.APPLICATION_JSON)
public class MyWorkResource {

    @Inject
    MyWork myWork;

    @GET
    public Map<String, Object> myWork(@QueryParam("agent_id") String agentId) {
        if (!JsonBody.isIdentifier(agentId)) {
            throw JsonBody.invalid("agent_id");
        }
        return myWork.of(agentId);
    }
}
