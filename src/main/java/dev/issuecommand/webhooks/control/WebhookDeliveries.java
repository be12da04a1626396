package dev.issuecommand.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code X-GitHub-Delivery} ids already accepted, kept in SQLite and bounded by {@code WEBHOOK_DEDUPE_MAX_ENTRIES}. */
@ApplicationScoped
public class WebhookDeliveries {

    /** Records {@code deliveryId} in the caller's transaction; false when it was recorded before (a redelivery). */
    public boolean record(EntityManager em, String deliveryId, String event, long now) {
        return em.createNativeQuery("INSERT INTO webhook_deliveries (delivery_id, event, received_at) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, deliveryId).setParameter(2, event).setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** Drops the oldest ids beyond {@code keep}. */
    public void trim(EntityManager em, int keep) {
        em.createNativeQuery("DELETE FROM webhook_deliveries WHERE seq <= "
                        + "(SELECT MAX(seq) FROM webhook_deliveries) - ?1")
                .setParameter(1, keep).executeUpdate();
    }
}
