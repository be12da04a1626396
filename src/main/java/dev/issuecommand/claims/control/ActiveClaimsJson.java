package dev.issuecommand.claims.control;

import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON answer of {@code GET /api/claims} per filter, serialized once and served again until any write (of any
 * process sharing the database) moves {@link Database#version()} on: agents poll the list far more often than claims
 * change.
 */
@ApplicationScoped
public class ActiveClaimsJson {

    private static final int MAX_FILTERS = 64;

    private final Map<ClaimQueries.Filter, Answer> answers = new ConcurrentHashMap<>();

    @Inject
    Database database;

    @Inject
    Claims claims;

    /** {@code {"claims": [...]}} for {@code filter}, as of this call or later. */
    public byte[] json(ClaimQueries.Filter filter) {
        // The version is read before the claims: an answer is never older than the version it is kept under.
        long version = database.version();
        Answer kept = answers.get(filter);
        if (kept != null && kept.version() == version) {
            return kept.json();
        }
        byte[] json = JsonbConfiguration.JSONB.toJson(Map.of("claims", claims.active(filter)))
                .getBytes(StandardCharsets.UTF_8);
        if (answers.size() >= MAX_FILTERS) {
            answers.clear();
        }
        answers.put(filter, new Answer(version, json));
        return json;
    }

    private record Answer(long version, byte[] json) {
    }
}
