package dev.issuecommand.claims;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link GitHubSyncIT} against two instances on one PostgreSQL database, each request to the other instance than
 * the last: a sync asked of either instance reconciles the shared claims.
 */
@OnTwoPostgresInstances
class GitHubSyncOnTwoInstancesIT extends GitHubSyncIT {
}
