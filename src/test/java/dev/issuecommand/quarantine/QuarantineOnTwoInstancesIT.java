package dev.issuecommand.quarantine;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link QuarantineIT} against two instances on one PostgreSQL database (shared with
 * {@code StaleSweepOnTwoInstancesIT}), each request to the other instance than the last: strikes made through both
 * count together, and the decision is taken once in the write transaction of the third.
 */
@OnTwoPostgresInstances
class QuarantineOnTwoInstancesIT extends QuarantineIT {
}
