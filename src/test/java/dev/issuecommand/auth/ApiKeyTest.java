package dev.issuecommand.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void onlyTheExactBearerHeaderMatches() {
        assertThat(ApiKey.matches("Bearer s3cret", "s3cret")).isTrue();
        assertThat(ApiKey.matches("bearer s3cret", "s3cret")).isFalse();
        assertThat(ApiKey.matches("Bearer s3cret ", "s3cret")).isFalse();
        assertThat(ApiKey.matches("Basic s3cret", "s3cret")).isFalse();
        assertThat(ApiKey.matches(null, "s3cret")).isFalse();
        assertThat(ApiKey.matches("Bearer ", "")).isFalse();
    }

    @Test
    void principalKeysAreStableHashesWithoutTheToken() {
        String key = ApiKey.principalKey("Bearer s3cret");
        assertThat(key).isEqualTo(ApiKey.principalKey("Bearer s3cret")).hasSize(32).doesNotContain("s3cret");
        assertThat(key).isNotEqualTo(ApiKey.principalKey("Bearer other"));
    }
}
