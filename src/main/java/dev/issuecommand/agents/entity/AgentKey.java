package dev.issuecommand.agents.entity;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.auth.Caller;
import dev.issuecommand.claims.entity.JsonColumns;
import dev.issuecommand.events.entity.Event;
import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agent's own key (docs/behaviour.md §14), and the rules of keys: how one is made, recognised and checked. A key
 * reads {@code icak_<12 hex digits>_<43 characters>}; the first two parts are its prefix, kept in clear to find the
 * row and to name the key in lists and logs; of the whole key only a SHA-256 hash is kept, compared in constant time.
 */
@Entity
@Table(name = "agent_keys")
public class AgentKey {

    /** What every agent key starts with, so that secret scanners can find leaked ones. */
    public static final String MARK = "icak_";

    /** The events of key changes; they never hold the key. */
    public static final String ISSUED = "agent.key_issued";
    public static final String ROTATED = "agent.key_rotated";
    public static final String REVOKED = "agent.key_revoked";

    /** The event of a change of {@code agentId}'s key: {@link #ISSUED}, {@link #ROTATED} or {@link #REVOKED}. */
    public static Event changed(String type, String agentId, String keyPrefix) {
        return Event.of(type).withAgent(agentId).withDetails(Map.of("key_prefix", keyPrefix));
    }

    private static final Pattern SHAPE = Pattern.compile("icak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");

    @Id
    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "repos", nullable = false)
    private String repos;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at")
    private Long expiresAt;

    protected AgentKey() {
        // for JPA
    }

    private AgentKey(String agentId, String keyPrefix, String keyHash, List<String> repos, long createdAt,
            Long expiresAt) {
        this.agentId = agentId;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.repos = JsonColumns.write(repos);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** A new key and its row, for {@code agentId} on {@code repos} (empty: all), valid until {@code expiresAt}. */
    public static Issued issue(String agentId, List<String> repos, Long expiresAt, long now) {
        Secret secret = Secret.generate();
        return new Issued(new AgentKey(agentId, secret.prefix(), secret.hash(), distinct(repos), now, expiresAt),
                secret.key());
    }

    /** {@code repos} once each, in their order: what a key keeps of the repositories it was issued for. */
    public static List<String> distinct(List<String> repos) {
        return List.copyOf(new LinkedHashSet<>(repos));
    }

    /** A new key: the key itself (shown once), its prefix and the hash that is kept of it. */
    public record Secret(String key, String prefix, String hash) {

        private static final SecureRandom RANDOM = new SecureRandom();

        public static Secret generate() {
            byte[] id = new byte[6];
            byte[] secret = new byte[32];
            RANDOM.nextBytes(id);
            RANDOM.nextBytes(secret);
            String prefix = MARK + HexFormat.of().formatHex(id);
            String key = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return new Secret(key, prefix, AgentKey.hash(key));
        }

        @Override
        public String toString() {
            return "Secret[prefix=" + prefix + "]";
        }
    }

    /** A new key with its row; the key is shown once and never stored. */
    public record Issued(AgentKey row, String key) {
    }

    /** The prefix of {@code token} when it has the shape of an agent key; empty for anything else. */
    public static Optional<String> prefixOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.of(token.substring(0, MARK.length() + 12));
    }

    /** True when {@code token} is this key; the comparison takes the same time whatever the token. */
    public boolean matches(String token) {
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                keyHash.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expiredAt(long now) {
        return expired(expiresAt, now);
    }

    private static boolean expired(Long expiresAt, long now) {
        return expiresAt != null && now >= expiresAt;
    }

    /** The caller this key authenticates. */
    public Caller caller() {
        return Caller.agent(agentId, new LinkedHashSet<>(JsonColumns.strings(repos)));
    }

    /** The key as lists show it: never the key itself, nor its hash. */
    public AgentKeyView view(long now) {
        return view(agentId, keyPrefix, JsonColumns.strings(repos), createdAt, expiresAt, now);
    }

    /** A key as lists show it, from the values of its row. */
    public static AgentKeyView view(String agentId, String keyPrefix, List<String> repos, long createdAt,
            Long expiresAt, long now) {
        return new AgentKeyView(agentId, keyPrefix, repos, Timestamps.iso(createdAt), Timestamps.isoOrNull(expiresAt),
                expired(expiresAt, now));
    }

    public String agentId() {
        return agentId;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    private static String hash(String key) {
        return ApiKey.sha256Hex(key);
    }
}
