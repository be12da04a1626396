package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.control.GitHubSync;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.problems.ResultResponses;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.OperatorNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an operator may do from the dashboard (docs/behaviour.md §15), each recorded as done by
 * {@code operator:<name>}: release any claim (with a reason), requeue or dismiss any follow-up, sync with GitHub now.
 */
@ApplicationScoped
@Tag(name = "dashboard")
@SecurityRequirement(name = "operatorSession")
@Path(OperatorSessionFilter.API)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorActionsResource {

    @Inject
    Callers callers;

    @Inject
    Claims claims;

    @Inject
    Followups followups;

    @Inject
    GitHubSync sync;

    @Operation(summary = "Release a claim as the operator",
            description = "Whoever holds it; the reason is kept in its history. Refusals: claim_not_found (404).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OperatorNote.class)))
    @POST
    @Path("claims/{claimId}/release")
    public Response release(@PathParam("claimId") String claimId, String text) {
        OperatorNote note = OperatorNote.required(JsonBody.parse(text));
        return ResultResponses.of(claims.releaseForOperator(claimId, note.reason()));
    }

    @Operation(summary = "Put a follow-up back in the queue",
            description = "Unowned and queued again, whoever held it. Refusals: work_item_not_found (404).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowupResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OperatorNote.class)))
    @POST
    @Path("followups/{workItemId}/requeue")
    public Response requeue(@PathParam("workItemId") String workItemId, String text) {
        return ResultResponses.of(followups.requeue(workItemId, OperatorNote.optional(JsonBody.parse(text)).reason()));
    }

    @Operation(summary = "Dismiss a follow-up",
            description = "Whoever holds it. Refusals: work_item_not_found (404).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowupResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OperatorNote.class)))
    @POST
    @Path("followups/{workItemId}/dismiss")
    public Response dismiss(@PathParam("workItemId") String workItemId, String text) {
        return ResultResponses.of(followups.dismiss(workItemId, OperatorNote.optional(JsonBody.parse(text)).reason()));
    }

    @Operation(summary = "Sync with GitHub now", description = "As POST /api/sync, asked for by the operator.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SyncResult")))
    @APIResponse(responseCode = "401", ref = "Problem")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "502", ref = "Problem")
    @APIResponse(responseCode = "503", ref = "Problem")
    @POST
    @Path("sync")
    public Map<String, Object> sync() throws InterruptedException {
        JsonLog.info("dashboard.sync_requested", "operator", callers.sender().operator());
        return Map.of("ok", true, "sync", sync.syncNowAndWait());
    }
}
