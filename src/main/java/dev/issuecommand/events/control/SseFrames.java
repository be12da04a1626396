package dev.issuecommand.events.control;

import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.events.entity.Event;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Builds the frames of docs/behaviour.md §9: {@code connected} and {@code ping} carry no {@code id:} (so a reconnecting
 * client's Last-Event-ID always names a real event); each event frame is {@code id:}, {@code event:} and its JSON as
 * {@code data:}.
 */
public final class SseFrames {

    /** The data of a {@code connected} frame: the newest event id in the log when the client connected. */
    public record Connected(String eventId, String timestamp) {
    }

    /** The data of a {@code ping} frame. */
    public record Ping(String timestamp) {
    }

    private final Sse sse;

    SseFrames(Sse sse) {
        this.sse = sse;
    }

    OutboundSseEvent connected(long headId, String timestamp) {
        return plain("connected", JsonbConfiguration.JSONB.toJson(new Connected(String.valueOf(headId), timestamp)));
    }

    OutboundSseEvent ping(String timestamp) {
        return plain("ping", JsonbConfiguration.JSONB.toJson(new Ping(timestamp)));
    }

    OutboundSseEvent event(Event event) {
        return sse.newEventBuilder()
                .id(event.eventId())
                .name(event.type())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, JsonbConfiguration.JSONB.toJson(event))
                .build();
    }

    private OutboundSseEvent plain(String name, String json) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json).build();
    }
}
