package dev.issuecommand.dashboard.control;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.dashboard.entity.OperatorSession;
import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-in, look-up and sign-out of dashboard operators (docs/behaviour.md §15). Sessions live in the database, so every
 * process sharing it knows them and a sign-out ends the session everywhere at once.
 */
@ApplicationScoped
public class OperatorSessions {

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Opens a session for {@code operator} when {@code key} is the shared {@code API_KEY}; empty otherwise. */
    public Optional<OperatorSession.Opened> signIn(String key, String operator) {
        if (!ApiKey.matches("Bearer " + key, settings.apiKey())) {
            JsonLog.warn("dashboard.sign_in_refused", "operator", operator);
            return Optional.empty();
        }
        long now = clock.millis();
        OperatorSession.Opened opened = OperatorSession.open(operator, currentFingerprint(), now);
        database.write(em -> {
            em.createQuery("DELETE FROM OperatorSession s WHERE s.expiresAt <= :now").setParameter("now", now)
                    .executeUpdate();
            em.persist(opened.session());
            return null;
        });
        JsonLog.info("dashboard.signed_in", "operator", operator);
        return Optional.of(opened);
    }

    /** The live session of cookie token {@code token}; empty when there is none, it expired or API_KEY changed. */
    public Optional<OperatorSession> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = OperatorSession.hash(token);
        long now = clock.millis();
        return database.read(em -> Optional.ofNullable(em.find(OperatorSession.class, hash)))
                .filter(session -> session.validAt(now, currentFingerprint()));
    }

    /** Ends the session of cookie token {@code token}, if there is one. */
    public void signOut(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        String hash = OperatorSession.hash(token);
        database.write(em -> {
            OperatorSession session = em.find(OperatorSession.class, hash);
            if (session != null) {
                em.remove(session);
                JsonLog.info("dashboard.signed_out", "operator", session.operator());
            }
            return null;
        });
    }

    private String currentFingerprint() {
        return OperatorSession.fingerprint(settings.apiKey());
    }
}
