package dev.issuecommand.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature check against GitHub's published test vector and its near misses. */
class WebhookSignatureTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void matchesGitHubsTestVector() {
        assertThat(WebhookSignature.sign(BODY, SECRET)).isEqualTo(EXPECTED);
        assertThat(WebhookSignature.valid(BODY, EXPECTED, SECRET)).isTrue();
        assertThat(WebhookSignature.valid(BODY, EXPECTED.toUpperCase().replace("SHA256=", "sha256="), SECRET))
                .as("hex digits in upper case are the same signature").isTrue();
    }

    @Test
    void refusesEverythingElse() {
        assertThat(WebhookSignature.valid("Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED, SECRET)).isFalse();
        assertThat(WebhookSignature.valid(BODY, EXPECTED, "another secret")).isFalse();
        assertThat(WebhookSignature.valid(BODY, EXPECTED.substring("sha256=".length()), SECRET)).isFalse();
        assertThat(WebhookSignature.valid(BODY, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d", SECRET)).isFalse();
        assertThat(WebhookSignature.valid(BODY, null, SECRET)).isFalse();
        assertThat(WebhookSignature.valid(BODY, EXPECTED, ""))
                .as("no secret configured: no signature is valid").isFalse();
    }
}
