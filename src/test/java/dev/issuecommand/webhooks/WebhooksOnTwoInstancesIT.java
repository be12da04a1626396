package dev.issuecommand.webhooks;

import dev.issuecommand.it.support.OnTwoPostgresInstances;

/**
 * {@link WebhooksIT} against two instances on one PostgreSQL database, each request to the other instance than the
 * last: deliveries to either instance queue, dedupe and trim the same follow-ups.
 */
@OnTwoPostgresInstances
class WebhooksOnTwoInstancesIT extends WebhooksIT {
}
