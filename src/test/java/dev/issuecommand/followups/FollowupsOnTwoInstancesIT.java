package dev.issuecommand.followups;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link FollowupsIT} against two instances on one PostgreSQL database, each request to the other instance than the
 * last: follow-ups are picked, moved and finished the same whichever instance answers.
 */
@OnTwoPostgresInstances
class FollowupsOnTwoInstancesIT extends FollowupsIT {
}
