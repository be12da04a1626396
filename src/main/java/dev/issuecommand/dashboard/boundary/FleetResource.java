package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.dashboard.control.FleetHistory;
import dev.issuecommand.dashboard.control.FleetState;
import dev.issuecommand.requests.FleetFilter;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the dashboard shows (docs/behaviour.md §15): the fleet now, and its history in numbers for the charts. */
@ApplicationScoped
@Tag(name = "dashboard")
@SecurityRequirement(name = "operatorSession")
@Path(OperatorSessionFilter.API)
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

    @Inject
    Callers callers;

    @Inject
    FleetState state;

    @Inject
    FleetHistory history;

    @Operation(summary = "The fleet now",
            description = "Active claims with status_since, stale_at and auto_release_at; the follow-up queue in the "
            + "order agents get it; agents seen in the last 24 h; repositories in view; last_event_id to stream from.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "FleetState")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @GET
    @Path("state")
    public JsonObject state(
            @Parameter(description = "owner/repo") @QueryParam("repo") String repo,
            @Parameter(description = "Only this agent's claims and follow-ups") @QueryParam("agent") String agent) {
        FleetFilter filter = FleetFilter.from(JsonBody.ofQuery("repo", repo, "agent", agent));
        return state.state(callers.sender().operator(), filter.repoOrNull(),
                filter.agentOrNull());
    }

    @Operation(summary = "The fleet's history",
            description = "Claims closed and released per hour over the last 24 h; per day of the last 7, the median "
            + "and 90th percentile of the time from claim to pr_submitted and to closed.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "FleetHistory")))
    @APIResponse(responseCode = "401", ref = "Problem")
    @GET
    @Path("history")
    public JsonObject history() {
        return history.history();
    }
}
