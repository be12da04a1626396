package dev.issuecommand.dashboard.entity;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.auth.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * An operator signed in to the dashboard (docs/behaviour.md §15). The browser holds a random session token in an
 * {@code HttpOnly} cookie; only its SHA-256 hash is kept here. The session also holds the CSRF token the page sends
 * back on every change, and a fingerprint of the {@code API_KEY} it was opened with: a changed key ends it.
 */
@Entity
@Table(name = "operator_sessions")
public class OperatorSession {

    /** How long a session lasts after sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "operator", nullable = false)
    private String operator;

    @Column(name = "csrf_token", nullable = false)
    private String csrfToken;

    @Column(name = "key_fingerprint", nullable = false)
    private String keyFingerprint;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected OperatorSession() {
        // for JPA
    }

    /** A new session for {@code operator}, opened with the key of {@code keyFingerprint}; the token goes in the cookie. */
    public static Opened open(String operator, String keyFingerprint, long now) {
        String token = randomToken();
        OperatorSession session = new OperatorSession();
        session.sessionHash = hash(token);
        session.operator = operator;
        session.csrfToken = randomToken();
        session.keyFingerprint = keyFingerprint;
        session.createdAt = now;
        session.expiresAt = now + LIFETIME.toMillis();
        return new Opened(session, token);
    }

    /** A session just opened and the token of its cookie, which is never stored. */
    public record Opened(OperatorSession session, String token) {

        @Override
        public String toString() {
            return "Opened[operator=" + session.operator + "]";
        }
    }

    /** The hash under which the session of cookie token {@code token} is kept. */
    public static String hash(String token) {
        return ApiKey.sha256Hex(token);
    }

    /** A fingerprint of {@code apiKey}: enough to notice a changed key, useless for finding the key. */
    public static String fingerprint(String apiKey) {
        return ApiKey.sha256Hex("operator-session:" + apiKey).substring(0, 16);
    }

    /** True while the session lasts and the key it was opened with is still the shared key. */
    public boolean validAt(long now, String currentKeyFingerprint) {
        return now < expiresAt && keyFingerprint.equals(currentKeyFingerprint);
    }

    /** True when {@code presented} is this session's CSRF token; the comparison takes the same time whatever it is. */
    public boolean acceptsCsrfToken(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    /** The caller this session acts as: an operator, with the administrator's powers. */
    public Caller caller() {
        return Caller.operator(operator);
    }

    public String operator() {
        return operator;
    }

    public String csrfToken() {
        return csrfToken;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
