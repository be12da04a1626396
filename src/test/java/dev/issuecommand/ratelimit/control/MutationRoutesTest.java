package dev.issuecommand.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mutation routes that take principal and agent tokens. */
class MutationRoutesTest {

    @Test
    void theMutationRoutesMatchByMethodAndPath() {
        assertThat(MutationRoutes.matches("POST", "/api/claims")).isTrue();
        assertThat(MutationRoutes.matches("PATCH", "/api/claims/abc")).isTrue();
        assertThat(MutationRoutes.matches("DELETE", "/api/claims/abc")).isTrue();
        assertThat(MutationRoutes.matches("POST", "/api/claims/abc/heartbeat")).isTrue();
        assertThat(MutationRoutes.matches("POST", "/api/next")).isTrue();
        assertThat(MutationRoutes.matches("post", "/api/next-work")).isTrue();
        assertThat(MutationRoutes.matches("PATCH", "/api/followups/w-1")).isTrue();
        assertThat(MutationRoutes.matches("DELETE", "/api/quarantine/acme/api/7")).isTrue();
    }

    @Test
    void readsAndOtherRoutesDoNot() {
        assertThat(MutationRoutes.matches("GET", "/api/claims")).isFalse();
        assertThat(MutationRoutes.matches("GET", "/api/claims/abc")).isFalse();
        assertThat(MutationRoutes.matches("POST", "/api/claims/abc")).isFalse();
        assertThat(MutationRoutes.matches("PATCH", "/api/claims/abc/heartbeat")).isFalse();
        assertThat(MutationRoutes.matches("POST", "/api/webhooks/github")).isFalse();
        assertThat(MutationRoutes.matches("GET", "/api/followups")).isFalse();
        assertThat(MutationRoutes.matches("GET", "/api/quarantine")).isFalse();
        assertThat(MutationRoutes.matches("DELETE", "/api/quarantine/acme/api")).isFalse();
    }
}
