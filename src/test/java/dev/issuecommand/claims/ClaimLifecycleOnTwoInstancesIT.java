package dev.issuecommand.claims;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link ClaimLifecycleIT} against two instances on one PostgreSQL database, each request to the other instance
 * than the last: the lifecycle, ownership and refusals are the same whichever instance answers.
 */
@OnTwoPostgresInstances
class ClaimLifecycleOnTwoInstancesIT extends ClaimLifecycleIT {
}
