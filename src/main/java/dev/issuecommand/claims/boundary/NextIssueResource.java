package dev.issuecommand.claims.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.problems.ResultResponses;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.WorkRequest;
import dev.issuecommand.waiting.boundary.SuspendedAnswers;
import dev.issuecommand.waiting.control.WaitForWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/next}: claim the most important unclaimed issue in one call (docs/behaviour.md §4); with {@code
 * wait_seconds} the request is suspended while it waits for one (§18).
 */
@ApplicationScoped
@Tag(name = "work")
@Path("/api/next")
@Produces(MediaType.APPLICATION_JSON)
public class NextIssueResource {

    @Inject
    Callers callers;

    @Inject
    WaitForWork work;

    @Operation(summary = "Claim the next issue",
            description = "Claims the most important unclaimed open issue (optionally of one repo, label or "
            + "milestone) and answers the claim with the issue. invalid_issue (409) when none is "
            + "eligible; with wait_seconds, only after waiting that long for one to appear (429 too_many_waiters "
            + "over WAIT_MAX_PER_PRINCIPAL waiting calls).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @APIResponse(responseCode = "429", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WorkRequest.class)))
    @POST
    public void next(String text, @Suspended AsyncResponse response) {
        WorkRequest request = WorkRequest.from(JsonBody.parse(text).sentBy(callers.sender()));
        SuspendedAnswers.answer(response, request.waitSeconds(), () -> work.nextIssue(request),
                ResultResponses::of);
    }
}
