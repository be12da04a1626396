package dev.issuecommand.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.ratelimit.entity.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three limits with their configured rates, including a principal and an agent limited independently. */
class RateLimitsTest {

    private static RateLimits limits(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("GITHUB_TOKEN", "t", "API_KEY", "k"));
        all.putAll(env);
        RateLimits limits = new RateLimits();
        limits.settings = Settings.from(all::get);
        limits.create();
        return limits;
    }

    @Test
    void anAgentIsLimitedWhateverPrincipalItUses() {
        RateLimits limits = limits(Map.of("RATE_LIMIT_AGENT_MUTATIONS_BURST", "2",
                "RATE_LIMIT_AGENT_MUTATIONS_PER_MINUTE", "1"));
        assertThat(limits.mutation("principal-1", "agent-a").allowed()).isTrue();
        assertThat(limits.mutation("principal-2", "agent-a").allowed()).isTrue();
        Verdict denied = limits.mutation("principal-3", "agent-a");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.scope()).isEqualTo("agent_mutation");
        assertThat(denied.retryAfterSeconds()).isBetween(59, 60);
        assertThat(limits.mutation("principal-3", "agent-b").allowed()).as("principal-3 still had tokens").isTrue();
    }

    @Test
    void aPrincipalIsLimitedWhateverAgentsItNames() {
        RateLimits limits = limits(Map.of("RATE_LIMIT_AGENT_MUTATIONS_BURST", "2"));
        assertThat(limits.mutation("p", "a1").allowed()).isTrue();
        assertThat(limits.mutation("p", "a2").allowed()).isTrue();
        assertThat(limits.mutation("p", "a3").allowed()).isFalse();
        assertThat(limits.mutation("p", null).allowed()).isFalse();
    }

    @Test
    void ipAndStreamConnectsHaveTheirOwnBuckets() {
        RateLimits limits = limits(Map.of("RATE_LIMIT_IP_BURST", "1", "RATE_LIMIT_SSE_CONNECT_BURST", "1",
                "RATE_LIMIT_SSE_CONNECT_PER_MINUTE", "30"));
        assertThat(limits.api("10.0.0.1").allowed()).isTrue();
        assertThat(limits.api("10.0.0.1").scope()).isEqualTo("ip");
        assertThat(limits.sseConnect("10.0.0.1").allowed()).isTrue();
        Verdict sse = limits.sseConnect("10.0.0.1");
        assertThat(sse.scope()).isEqualTo("sse_connect");
        assertThat(sse.retryAfterSeconds()).as("30 a minute: one every 2 s").isEqualTo(2);
    }
}
