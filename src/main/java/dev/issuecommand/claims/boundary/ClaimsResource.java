package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import dev.issuecommand.problems.JsonBody;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
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

/** The claim routes of SPEC §8: claim, list, read, history, status change, release, heartbeat. */
@ApplicationScoped
@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {

    @Inject
    Claims claims;

    @POST
    public Response claim(String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        RepoName repo = ClaimParams.repo(body.requiredString("repo"));
        int number = body.requiredPositiveInt("issue_number");
        try {
            return respond(claims.claim(agentId, repo, number));
        } catch (GitHubNotFoundException e) {
            return ProblemResponses.of(Problem.refusal(404, "invalid_issue",
                    "Issue " + repo + "#" + number + " was not found on GitHub", null, null));
        }
    }

    @GET
    public Map<String, Object> list(@QueryParam("agent_id") String agentId, @QueryParam("repo") String repo,
            @QueryParam("status") String status) {
        return Map.of("claims", claims.active(ClaimParams.filter(agentId, repo, status)));
    }

    @GET
    @Path("history")
    public HistoryPage history(@QueryParam("repo") String repo, @QueryParam("agent_id") String agentId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (cursor != null && !ClaimQueries.validCursor(cursor)) {
            throw JsonBody.invalid("cursor");
        }
        return claims.history(ClaimParams.filter(agentId, repo, null), ClaimParams.limit(limit), cursor);
    }

    @GET
    @Path("{claimId}")
    public Map<String, Object> get(@PathParam("claimId") String claimId) {
        return claims.find(claimId).<Map<String, Object>>map(claim -> Map.of("claim", claim))
                .orElseThrow(() -> new ApiException(Problem.refusal(404, "claim_not_found",
                        "Claim " + claimId + " not found", null, null)));
    }

    @PATCH
    @Path("{claimId}")
    public Response update(@PathParam("claimId") String claimId, String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        String statusText = body.requiredString("status");
        ClaimStatus status = ClaimStatus.parse(statusText)
                .orElseThrow(() -> ApiException.badRequest("Invalid claim status: " + statusText));
        String note = body.optionalText("note").orElse(null);
        String prUrl = body.optionalUrl("pr_url").orElse(null);
        return respond(claims.update(claimId, agentId, status, note, prUrl));
    }

    @DELETE
    @Path("{claimId}")
    public Response release(@PathParam("claimId") String claimId, @QueryParam("agent_id") String queryAgent,
            String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.optionalId("agent_id").orElse(queryAgent);
        if (!JsonBody.isIdentifier(agentId)) {
            throw JsonBody.invalid("agent_id");
        }
        return respond(claims.release(claimId, agentId, body.optionalText("reason").orElse(null)));
    }

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
