package dev.issuecommand.events;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link EventStreamIT} against two instances on one PostgreSQL database, each request to the other instance than
 * the last: a stream on one instance carries the changes made through the other, in order, and resumes.
 */
@OnTwoPostgresInstances
class EventStreamOnTwoInstancesIT extends EventStreamIT {
}
