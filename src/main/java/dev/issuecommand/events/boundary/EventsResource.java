package dev.issuecommand.events.boundary;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.Callers;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.events.control.EventFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Predicate;

/**
 * {@code GET /sse}: the live event stream of docs/behaviour.md §9, resumable with {@code Last-Event-ID}. An agent key
 * sees the events of the repositories it reaches and none about agent keys (docs/behaviour.md §14).
 */
@ApplicationScoped
@Path("/sse")
public class EventsResource {

    @Inject
    EventFeed feed;

    @Inject
    Callers callers;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletResponse response,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        keepUnbuffered(response);
        feed.subscribe(sink, sse, EventFeed.parseEventId(lastEventId), visibleTo(callers.sender()));
    }

    /** Asks caches and proxies (nginx's {@code X-Accel-Buffering}) to pass an event stream on as it is written. */
    public static void keepUnbuffered(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
    }

    /** Which events {@code caller} may see. */
    static Predicate<Event> visibleTo(Caller caller) {
        if (caller.isAdmin()) {
            return event -> true;
        }
        return event -> event.repo() != null ? caller.permits(event.repo()) : !event.type().startsWith("agent.");
    }
}
