package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.ActiveClaimsJson;
import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.entity.Claim;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.problems.ResultResponses;
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

/** The claim routes of SPEC §8: claim, list, read, history, status change, release, heartbeat. */
@ApplicationScoped
@Tag(name = "claims")
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {

    @Inject
    Claims claims;

    @Inject
    ActiveClaimsJson activeClaimsJson;

    @Operation(summary = "Claim an issue",
            description = "Exclusive: one active claim per issue. The owner claiming again gets its claim back "
            + "with idempotent:true. Refusals: invalid_repo (403), invalid_issue (404), "
            + "already_claimed (409, with owner_agent_id).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClaimRequest")))
    @POST
    public Response claim(String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        RepoName repo = ClaimParams.repo(body.requiredString("repo"));
        int number = body.requiredPositiveInt("issue_number");
        return respond(claims.claim(agentId, repo, number));
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
        return Response.ok(activeClaimsJson.json(ClaimParams.filter(agentId, repo, status)), MediaType.APPLICATION_JSON)
                .build();
    }

    @Operation(summary = "List finished claims",
            description = "Closed and released claims, newest first; pass next_cursor as cursor for the next "
            + "page.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "HistoryPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    @Path("history")
    public HistoryPage history(@Parameter(description = "owner/repo") @QueryParam("repo") String repo,
            @Parameter(description = "Only this agent's claims") @QueryParam("agent_id") String agentId,
            @Parameter(description = "Page size") @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        if (cursor != null && !ClaimQueries.validCursor(cursor)) {
            throw JsonBody.invalid("cursor");
        }
        return claims.history(ClaimParams.filter(agentId, repo, null), ClaimParams.limit(limit), cursor);
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
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClaimUpdate")))
    @PATCH
    @Path("{claimId}")
    public Response update(@PathParam("claimId") String claimId, String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        String statusText = body.requiredString("status");
        ClaimStatus status = ClaimParams.status(statusText, "");
        String note = body.optionalText("note").orElse(null);
        String prUrl = body.optionalUrl("pr_url").orElse(null);
        return respond(claims.update(claimId, agentId, status, note, prUrl));
    }

    @Operation(summary = "Release a claim",
            description = "Owner only; agent_id in the body or the query. Refusals: claim_not_found (404), "
            + "agent_mismatch (409).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClaimRelease")))
    @DELETE
    @Path("{claimId}")
    public Response release(@PathParam("claimId") String claimId,
            @Parameter(description = "The releasing agent, if not in the body") @QueryParam("agent_id") String queryAgent,
            String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.optionalId("agent_id").orElse(queryAgent);
        if (!JsonBody.isIdentifier(agentId)) {
            throw JsonBody.invalid("agent_id");
        }
        return respond(claims.release(claimId, agentId, body.optionalText("reason").orElse(null)));
    }

    @Operation(summary = "Keep a claim fresh",
            description = "Owner only: restarts the stale clock without changing the status.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ClaimResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AgentRequest")))
    @POST
    @Path("{claimId}/heartbeat")
    public Response heartbeat(@PathParam("claimId") String claimId, String text) {
        JsonBody body = JsonBody.parse(text);
        return respond(claims.heartbeat(claimId, body.requiredId("agent_id")));
    }

    static Response respond(ClaimResult result) {
        return ResultResponses.of(result.ok(), result, result.reason(), result.message(), result.ownerAgentId(),
                result.claim());
    }
}
