package dev.issuecommand.claims;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link StaleSweepIT} against two instances on one PostgreSQL database, each request to the other instance than
 * the last: the sweep runs once per round on one of them and its events reach a stream on the other.
 */
@OnTwoPostgresInstances
class StaleSweepOnTwoInstancesIT extends StaleSweepIT {
}
