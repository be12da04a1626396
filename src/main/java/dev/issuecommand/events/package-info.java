/**
 * The durable event log and the live stream of docs/behaviour.md §9.
 *
 * <p>Design decisions:
 * <ul>
 * <li>Every feature appends its event with {@code EventLog.append} inside the write transaction of the change it
 * describes, so an event exists exactly when its change was committed. Ids come from SQLite's AUTOINCREMENT and
 * writers are serialized by the write lock, so ids grow in commit order.</li>
 * <li>Delivery tails the {@code events} table: one poller per process ({@link
 * dev.issuecommand.events.control.EventFeed})
 * reads new rows every 150 ms and fans them out to every subscriber. Events written by another process sharing the
 * SQLite file therefore reach this process's subscribers like its own.</li>
 * <li>Each subscriber has its own bounded queue drained on the managed executor, so a slow client never holds up the
 * poller or the others; one that falls too far behind is disconnected and catches up by reconnecting with
 * {@code Last-Event-ID}.</li>
 * <li>{@code Last-Event-ID}: the missed events are read from the log and queued before the subscriber joins the
 * live fan-out, which happens under the poller's lock exactly when the replay has reached the poller's position, so
 * there are neither gaps nor duplicates. An id newer than the log means "only live events". Events already trimmed
 * from the bounded log ({@code EventLog.MAX_EVENTS}) cannot be replayed.</li>
 * <li>Only this package touches {@code Sse}.</li>
 * </ul>
 */
package dev.issuecommand.events;
