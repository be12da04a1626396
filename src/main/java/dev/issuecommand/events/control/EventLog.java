package dev.issuecommand.events.control;

import dev.issuecommand.auth.Callers;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.events.entity.EventRecord;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The durable, bounded event log (docs/behaviour.md §9). Other features append inside their own write transaction, so
 * an event exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class EventLog {

    /** How many events the log keeps; older ones are dropped. */
    public static final int MAX_EVENTS = 10_000;
    private static final int TRIM_EVERY = 500;

    @Inject
    Database database;

    @Inject
    Callers callers;

    /**
     * Appends {@code event} in the caller's transaction, stamped with {@code nowMillis} and with who did it (the
     * caller being served, or the server itself). Ids increase in commit order ({@link Database#orderEvents}): a
     * subscriber that has seen id N has seen every event below it.
     */
    public void append(EntityManager em, Event event, long nowMillis) {
        database.orderEvents(em);
        EventRecord record = new EventRecord(event.type(), nowMillis,
                JsonbConfiguration.JSONB.toJson(event.withActor(callers.principal())));
        em.persist(record);
        em.flush();
        if (record.eventId() != null && record.eventId() % TRIM_EVERY == 0) {
            em.createNativeQuery("DELETE FROM events WHERE event_id <= ?1")
                    .setParameter(1, record.eventId() - MAX_EVENTS)
                    .executeUpdate();
        }
    }

    /** Events with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<Event> after(EntityManager em, long afterId, int limit) {
        return em.createQuery("SELECT e FROM EventRecord e WHERE e.eventId > :after ORDER BY e.eventId", EventRecord.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(EventLog::toEvent)
                .toList();
    }

    /** The id of the newest event in the log, 0 when it is empty. */
    public long latestId(EntityManager em) {
        Object max = em.createNativeQuery("SELECT COALESCE(MAX(event_id), 0) FROM events").getSingleResult();
        return ((Number) max).longValue();
    }

    static Event toEvent(EventRecord record) {
        Event stored = JsonbConfiguration.JSONB.fromJson(record.payload(), Event.class);
        return stored.withIdAndTime(String.valueOf(record.eventId()), Timestamps.iso(record.createdAt()));
    }
}
