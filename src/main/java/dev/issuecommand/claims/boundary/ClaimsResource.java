package dev.issuecommand.claims.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.control.ActiveClaimsJson;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.ResultResponses;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.ClaimFilter;
import dev.issuecommand.requests.ClaimRelease;
import dev.issuecommand.requests.ClaimRequest;
import dev.issuecommand.requests.ClaimUpdate;
import dev.issuecommand.requests.HistoryQuery;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/** The claim routes of docs/behaviour.md §8: claim, list, read, history, status change, release, heartbeat. */
@ApplicationScoped
@Tag(name = "claims")
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {

    @Inject
    Callers callers;

    @Inject
    Claims claims;

    @Inject
    ActiveClaimsJson activeClaimsJson;

    @Operation(summary = "Claim an issue",
            description = "Exclusive: one active claim per issue. The owner claiming again gets its claim back "
            + "with idempotent:true. Refusals: invalid_repo (403), invalid_issue (404), "
            + "already_claimed (409, with owner_agent_id).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ClaimRequest.class)))
    @POST
    public Response claim(String text) {
        ClaimRequest request = ClaimRequest.from(JsonBody.parse(text).sentBy(callers.sender()));
        return ResultResponses.of(claims.claim(request.agentId(), request.repo(), request.issueNumber()));
    }

    @Operation(summary = "List active claims")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    public Response list(
            @Parameter(description = "Only this agent's claims") @QueryParam("agent_id") String agentId,
            @Parameter(description = "owner/repo") @QueryParam("repo") String repo,
            @Parameter(description = "Only claims in this status") @QueryParam("status") String status) {
        ClaimFilter filter = ClaimFilter.from(JsonBody.ofQuery("agent_id", agentId, "repo", repo, "status", status));
        return Response.ok(activeClaimsJson.json(filter.filter()), MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "List finished claims",
            description = "Closed and released claims, newest first; pass next_cursor as cursor for the next "
            + "page.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    @Path("history")
    public HistoryPage history(@Parameter(description = "owner/repo") @QueryParam("repo") String repo,
            @Parameter(description = "Only this agent's claims") @QueryParam("agent_id") String agentId,
            @Parameter(description = "Page size") @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        HistoryQuery query = HistoryQuery.from(JsonBody.ofQuery("agent_id", agentId, "repo", repo, "limit", limit,
                "cursor", cursor));
        return claims.history(query.filter(), query.limit(), query.cursor().orElse(null));
    }

    @Operation(summary = "Read one claim",
            description = "Active or finished; claim_not_found (404) otherwise.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimEnvelope")))
    @APIResponse(responseCode = "404", ref = "Problem")
    @GET
    @Path("{claimId}")
    public Map<String, Object> get(@PathParam("claimId") String claimId) {
        return claims.find(claimId).<Map<String, Object>>map(claim -> Map.of("claim", claim))
                .orElseThrow(() -> new ApiException(Problem.refusal(Reason.CLAIM_NOT_FOUND,
                        Claim.notFound(claimId).message(), null, null)));
    }

    @Operation(summary = "Change a claim's status",
            description = "Owner only. Refusals: claim_not_found (404), agent_mismatch and invalid_transition "
            + "(409). The current status again answers idempotent:true.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ClaimUpdate.class)))
    @PATCH
    @Path("{claimId}")
    public Response update(@PathParam("claimId") String claimId, String text) {
        ClaimUpdate update = ClaimUpdate.from(JsonBody.parse(text).sentBy(callers.sender()));
        return ResultResponses.of(
                claims.update(claimId, update.agentId(), update.status(), update.note(), update.prUrl()));
    }

    @Operation(summary = "Release a claim",
            description = "Owner only; agent_id in the body or the query. Refusals: claim_not_found (404), "
            + "agent_mismatch (409).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ClaimRelease.class)))
    @DELETE
    @Path("{claimId}")
    public Response release(@PathParam("claimId") String claimId,
            @Parameter(description = "The releasing agent, if not in the body") @QueryParam("agent_id") String queryAgent,
            String text) {
        ClaimRelease release = ClaimRelease.from(JsonBody.parse(text).withFallback("agent_id", queryAgent)
                .sentBy(callers.sender()));
        return ResultResponses.of(claims.release(claimId, release.agentId(), release.reason()));
    }

    @Operation(summary = "Keep a claim fresh",
            description = "Owner only: restarts the stale clock without changing the status.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AgentRequest.class)))
    @POST
    @Path("{claimId}/heartbeat")
    public Response heartbeat(@PathParam("claimId") String claimId, String text) {
        AgentRequest request = AgentRequest.from(JsonBody.parse(text).sentBy(callers.sender()));
        return ResultResponses.of(claims.heartbeat(claimId, request.agentId()));
    }
}
