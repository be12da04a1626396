package dev.issuecommand.agents.control;

import dev.issuecommand.agents.entity.AgentKey;
import dev.issuecommand.agents.entity.AgentKeyView;
import dev.issuecommand.auth.AgentKeyLookup;
import dev.issuecommand.auth.KeyCheck;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The agent keys (docs/behaviour.md §14): issued, listed and revoked by the administrator, and checked on every
 * request that presents one. Every check reads the database, so a revoked key is refused at once by every process
 * sharing it.
 */
@ApplicationScoped
public class AgentKeys implements AgentKeyLookup {

    @Inject
    Database database;

    @Inject
    EventLog events;

    @Inject
    Clock clock;

    /** What issuing a key did: the new key (shown once) or, for an agent that has one, nothing. */
    public record Outcome(Optional<AgentKey.Issued> issued, boolean replaced) {
    }

    /**
     * Issues a key for {@code agentId}; an agent that has one keeps it unless {@code rotate}, which replaces it (the
     * old key stops working at once).
     */
    public Outcome issue(String agentId, List<String> repos, Long expiresAt, boolean rotate) {
        long now = clock.millis();
        return database.write(em -> {
            AgentKey existing = em.find(AgentKey.class, agentId);
            if (existing != null && !rotate) {
                return new Outcome(Optional.empty(), false);
            }
            if (existing != null) {
                em.remove(existing);
                em.flush();
            }
            AgentKey.Issued issued = AgentKey.issue(agentId, repos, expiresAt, now);
            em.persist(issued.row());
            record(em, existing != null ? AgentKey.ROTATED : AgentKey.ISSUED, issued.row(), now);
            return new Outcome(Optional.of(issued), existing != null);
        });
    }

    /** Every key, by agent id. */
    public List<AgentKeyView> list() {
        long now = clock.millis();
        return database.read(em -> em.createQuery("SELECT k FROM AgentKey k ORDER BY k.agentId", AgentKey.class)
                .getResultList().stream().map(key -> key.view(now)).toList());
    }

    /** Revokes {@code agentId}'s key; false when it has none. */
    public boolean revoke(String agentId) {
        long now = clock.millis();
        return database.write(em -> {
            AgentKey key = em.find(AgentKey.class, agentId);
            if (key == null) {
                return false;
            }
            em.remove(key);
            record(em, AgentKey.REVOKED, key, now);
            return true;
        });
    }

    @Override
    public KeyCheck check(String token) {
        Optional<String> prefix = AgentKey.prefixOf(token);
        if (prefix.isEmpty()) {
            return new KeyCheck.Unknown();
        }
        List<AgentKey> found = database.read(em -> em.createQuery(
                "SELECT k FROM AgentKey k WHERE k.keyPrefix = :prefix", AgentKey.class)
                .setParameter("prefix", prefix.get()).getResultList());
        if (found.isEmpty() || !found.get(0).matches(token)) {
            return new KeyCheck.Unknown();
        }
        AgentKey key = found.get(0);
        return key.expiredAt(clock.millis()) ? new KeyCheck.Expired(key.agentId()) : new KeyCheck.Valid(key.caller());
    }

    private void record(EntityManager em, String type, AgentKey key, long now) {
        events.append(em, AgentKey.changed(type, key.agentId(), key.keyPrefix()), now);
    }
}
