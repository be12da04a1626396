package dev.issuecommand.claims;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link HostileInputIT} against two instances on one PostgreSQL database, each request to the other instance than
 * the last: hostile requests leave the shared data as it was.
 */
@OnTwoPostgresInstances
class HostileInputOnTwoInstancesIT extends HostileInputIT {
}
