package dev.issuecommand.claims.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.config.JsonbConfiguration;
import org.junit.jupiter.api.Test;

class RepoSummaryTest {

    @Test
    void serializesWithTheWireNamesOfTheApi() {
        String json = JsonbConfiguration.JSONB.toJson(new RepoSummary("acme/widgets", "acme", "widgets",
                "https://github.com/acme/widgets", null, true, 3));
        assertThat(json).contains("\"full_name\":\"acme/widgets\"", "\"owner\":\"acme\"", "\"name\":\"widgets\"",
                "\"url\":\"https://github.com/acme/widgets\"", "\"private\":true", "\"open_issue_count\":3");
        assertThat(json).doesNotContain("description", "is_private");
    }
}
