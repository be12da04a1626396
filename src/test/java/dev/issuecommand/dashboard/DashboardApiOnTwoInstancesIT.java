package dev.issuecommand.dashboard;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link DashboardApiIT} against two instances on one PostgreSQL database, each request to the other instance than the
 * last: a session opened on one is honoured and ended on the other, and the history's SQL runs on PostgreSQL.
 */
@OnTwoPostgresInstances
class DashboardApiOnTwoInstancesIT extends DashboardApiIT {
}
