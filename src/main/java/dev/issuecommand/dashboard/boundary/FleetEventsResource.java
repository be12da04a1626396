package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.events.boundary.EventsResource;
import dev.issuecommand.events.control.EventFeed;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's event feed (docs/behaviour.md §9, §15): the stream of {@code /sse} for a signed-in operator, who sees
 * every event. A browser's {@code EventSource} cannot send headers on its first connection, so that one names the last
 * event it has with {@code ?after=}; reconnections send {@code Last-Event-ID}, which wins.
 */
@ApplicationScoped
@Tag(name = "dashboard")
@SecurityRequirement(name = "operatorSession")
@Path(OperatorSessionFilter.API + "/events")
public class FleetEventsResource {

    private static final int MAX_RECENT = 500;

    @Inject
    EventFeed feed;

    @Inject
    EventLog events;

    @Inject
    Database database;

    @Operation(summary = "The dashboard's event stream",
            description = "As GET /sse, replaying the events after ?after= or Last-Event-ID, then live.")
    @APIResponse(responseCode = "200", description = "An event stream",
            content = @Content(mediaType = "text/event-stream"))
    @APIResponse(responseCode = "401", ref = "Problem")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletResponse response,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Replay the events after this id") @QueryParam("after") String after) {
        EventsResource.keepUnbuffered(response);
        OptionalLong resumeAt = EventFeed.parseEventId(lastEventId);
        feed.subscribe(sink, sse, resumeAt.isPresent() ? resumeAt : EventFeed.parseEventId(after), event -> true);
    }

    @Operation(summary = "The latest events", description = "Oldest first, at most limit (default 100, up to 500).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "EventList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @GET
    @Path("recent")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Event>> recent(@Parameter(description = "How many") @QueryParam("limit") String limit) {
        int count = JsonBody.ofQuery("limit", limit).optionalPositiveInt("limit", MAX_RECENT).orElse(100);
        return Map.of("events", database.read(em -> events.after(em, Math.max(0, events.latestId(em) - count), count)));
    }
}
