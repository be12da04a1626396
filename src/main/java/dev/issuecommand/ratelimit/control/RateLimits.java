package dev.issuecommand.ratelimit.control;

import dev.issuecommand.auth.ApiKey;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.ratelimit.entity.Verdict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The three limits of docs/behaviour.md §11 with the configured rates: per IP on /api, per IP on SSE connects, per
 * mutation.
 */
@ApplicationScoped
public class RateLimits {

    /** Keys kept per table; beyond it the least recently used bucket is forgotten. */
    static final int MAX_KEYS = 10_000;
    private static final int MAX_AGENT_KEY_LENGTH = 200;

    @Inject
    Settings settings;

    private final LongSupplier nanoTime = System::nanoTime;
    private BucketTable ip;
    private BucketTable sse;
    private BucketTable mutations;

    @PostConstruct
    void create() {
        ip = new BucketTable(settings.rateLimitIpBurst(), settings.rateLimitIpPerMinute(), MAX_KEYS);
        sse = new BucketTable(settings.rateLimitSseConnectBurst(), settings.rateLimitSseConnectPerMinute(), MAX_KEYS);
        mutations = new BucketTable(settings.rateLimitAgentMutationsBurst(),
                settings.rateLimitAgentMutationsPerMinute(), MAX_KEYS);
    }

    public boolean enabled() {
        return settings.rateLimitEnabled();
    }

    /** One request to an {@code /api} route (or the webhook path) from {@code clientIp}. */
    public Verdict api(String clientIp) {
        return check(ip, List.of(clientIp), Verdict.IP);
    }

    /** One attempt to open the event stream from {@code clientIp}. */
    public Verdict sseConnect(String clientIp) {
        return check(sse, List.of(clientIp), Verdict.SSE_CONNECT);
    }

    /** One mutation by {@code principal} (a hash) for {@code agentId} (null when the body names none). */
    public Verdict mutation(String principal, String agentId) {
        List<String> keys = new ArrayList<>(2);
        keys.add("principal:" + principal);
        if (agentId != null) {
            keys.add("agent:" + (agentId.length() <= MAX_AGENT_KEY_LENGTH ? agentId : ApiKey.principalKey(agentId)));
        }
        return check(mutations, keys, Verdict.AGENT_MUTATION);
    }

    private Verdict check(BucketTable table, List<String> keys, String scope) {
        long wait = table.tryTake(keys, nanoTime.getAsLong());
        return wait == 0 ? Verdict.allow() : Verdict.denied(scope, wait);
    }
}
