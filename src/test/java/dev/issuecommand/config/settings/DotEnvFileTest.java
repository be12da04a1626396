package dev.issuecommand.config.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    @Test
    void readsKeysValuesQuotesAndComments() {
        Map<String, String> values = DotEnvFile.parse("""
                # a comment
                API_KEY=abc
                export HTTP_PORT = 3200
                GITHUB_WEBHOOK_SECRET="with spaces # not a comment"
                LOG_FILE='/tmp/log.jsonl'
                ALLOWED_REPOS=acme/a,acme/b # trailing comment

                not a setting
                """);
        assertThat(values).containsEntry("API_KEY", "abc")
                .containsEntry("HTTP_PORT", "3200")
                .containsEntry("GITHUB_WEBHOOK_SECRET", "with spaces # not a comment")
                .containsEntry("LOG_FILE", "/tmp/log.jsonl")
                .containsEntry("ALLOWED_REPOS", "acme/a,acme/b")
                .hasSize(5);
    }
}
