package dev.issuecommand.agents.boundary;

import dev.issuecommand.agents.control.AgentKeys;
import dev.issuecommand.agents.entity.AgentKey;
import dev.issuecommand.agents.entity.AgentKeyView;
import dev.issuecommand.claims.control.RepositoryPolicy;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.requests.AgentKeyRequest;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's agent keys (docs/behaviour.md §14): issue one per agent (shown once), list them (never the key),
 * revoke one at once. Only the holder of {@code API_KEY} reaches these routes.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("/api/admin/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAgentsResource {

    @Inject
    AgentKeys keys;

    @Inject
    RepositoryPolicy repositories;

    @Inject
    Clock clock;

    @Operation(summary = "Issue an agent key",
            description = "Answers the key once; only its hash is kept. An agent that has a key keeps it (409 "
            + "agent_key_exists) unless rotate is true. Repositories outside ALLOWED_REPOS and a past expires_at are "
            + "refused with 400.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "IssuedAgentKey")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AgentKeyRequest.class)))
    @POST
    public Response issue(String text) {
        AgentKeyRequest request = AgentKeyRequest.from(JsonBody.parse(text));
        request.refused(repositories::allows, clock.millis()).ifPresent(refused -> {
            throw ApiException.badRequest("Invalid " + refused.field() + ": " + refused.why());
        });
        AgentKeys.Outcome outcome = keys.issue(request.agentId(), request.repoNames(), request.expiresAt(),
                request.rotate());
        AgentKey.Issued issued = outcome.issued().orElseThrow(() -> new ApiException(Problem.of(409,
                "agent_key_exists", "Agent key exists", "Agent " + request.agentId() + " has a key; pass rotate:true "
                + "to replace it, or revoke it first")));
        AgentKeyView view = issued.row().view(clock.millis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("agent_id", view.agentId());
        body.put("key", issued.key());
        body.put("key_prefix", view.keyPrefix());
        body.put("repos", view.repos());
        body.put("expires_at", view.expiresAt());
        body.put("replaced", outcome.replaced());
        return Response.status(Response.Status.CREATED).entity(body).header("Cache-Control", "no-store").build();
    }

    @Operation(summary = "List agent keys", description = "Every agent's key prefix, repositories and expiry; never "
            + "the key.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "AgentKeyList")))
    @GET
    public Map<String, Object> list() {
        return Map.of("agents", keys.list());
    }

    @Operation(summary = "Revoke an agent key", description = "The key stops working at once, in every process "
            + "sharing the database. agent_key_not_found (404) when the agent has none.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "Problem")
    @DELETE
    @Path("{agentId}")
    public Map<String, Object> revoke(@PathParam("agentId") String agentId) {
        String id = JsonBody.ofQuery("agent_id", agentId).requiredId("agent_id");
        if (!keys.revoke(id)) {
            throw new ApiException(Problem.of(404, "agent_key_not_found", "Agent key not found",
                    "Agent " + id + " has no key"));
        }
        return Map.of("ok", true, "agent_id", id, "revoked", true);
    }
}
