package dev.issuecommand.followups.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.followups.entity.NextWorkResult;
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
 * {@code POST /api/next-work}: review feedback first, otherwise the next issue (docs/behaviour.md §4); 409 when
 * nothing. With {@code wait_seconds} the request is suspended while it waits for work (§18).
 */
@ApplicationScoped
@Tag(name = "work")
@Path("/api/next-work")
@Produces(MediaType.APPLICATION_JSON)
public class NextWorkResource {

    @Inject
    Callers callers;

    @Inject
    WaitForWork work;

    @Operation(summary = "Take the next work item",
            description = "A queued pull-request follow-up first (kind pr_followup), otherwise the next issue "
            + "is claimed (kind issue). invalid_issue (409) when there is nothing; with wait_seconds, only after "
            + "waiting that long for work to appear (429 too_many_waiters over WAIT_MAX_PER_PRINCIPAL waiting "
            + "calls).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NextWorkResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @APIResponse(responseCode = "429", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WorkRequest.class)))
    @POST
    public void next(String text, @Suspended AsyncResponse response) {
        WorkRequest request = WorkRequest.from(JsonBody.parse(text).sentBy(callers.sender()));
        SuspendedAnswers.answer(response, request.waitSeconds(), () -> work.nextWork(request), ResultResponses::of);
    }
}
