package dev.issuecommand.claims;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link RepositoriesAndNextIssueIT} against two instances on one PostgreSQL database, each request to the other
 * instance than the last: the allow-list, the repository list and next issue are the same whichever instance
 * answers.
 */
@OnTwoPostgresInstances
class RepositoriesAndNextIssueOnTwoInstancesIT extends RepositoriesAndNextIssueIT {
}
