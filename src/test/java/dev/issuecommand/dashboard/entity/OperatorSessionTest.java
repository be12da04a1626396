package dev.issuecommand.dashboard.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A dashboard session: what is kept of its token, its CSRF token, its end and its tie to API_KEY. */
class OperatorSessionTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void onlyAHashOfTheCookieTokenIsKept() {
        OperatorSession.Opened opened = OperatorSession.open("alice", OperatorSession.fingerprint("key"), NOW);
        assertThat(opened.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(OperatorSession.hash(opened.token())).doesNotContain(opened.token()).hasSize(64);
        assertThat(opened.toString()).doesNotContain(opened.token()).contains("alice");
        assertThat(OperatorSession.open("alice", "f", NOW).token()).isNotEqualTo(opened.token());
    }

    @Test
    void onlyTheSessionsOwnCsrfTokenIsAccepted() {
        OperatorSession session = OperatorSession.open("alice", "f", NOW).session();
        assertThat(session.acceptsCsrfToken(session.csrfToken())).isTrue();
        assertThat(session.acceptsCsrfToken(null)).isFalse();
        assertThat(session.acceptsCsrfToken("")).isFalse();
        assertThat(session.acceptsCsrfToken(OperatorSession.open("bob", "f", NOW).session().csrfToken())).isFalse();
    }

    @Test
    void aSessionEndsAfterItsLifetimeOrWhenApiKeyChanges() {
        String fingerprint = OperatorSession.fingerprint("key-1");
        OperatorSession session = OperatorSession.open("alice", fingerprint, NOW).session();
        long end = NOW + OperatorSession.LIFETIME.toMillis();
        assertThat(session.validAt(end - 1, fingerprint)).isTrue();
        assertThat(session.validAt(end, fingerprint)).isFalse();
        assertThat(session.validAt(NOW, OperatorSession.fingerprint("key-2"))).isFalse();
        assertThat(fingerprint).doesNotContain("key-1");
        assertThat(session.caller().principal()).isEqualTo("operator:alice");
        assertThat(session.caller().isAdmin()).isTrue();
    }
}
