package dev.issuecommand.claims.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    @Test
    void eachChangeIsAttributedOnceToWhoMadeIt() {
        String started = JsonColumns.attributeNewest(JsonColumns.startHistory("claimed", 0), "agent:a");
        assertThat(JsonColumns.attributeNewest(started, "system")).as("an attributed entry keeps its actor")
                .isEqualTo(started);
        String moved = JsonColumns.attributeNewest(
                new HistoryColumn().append(started, "stale", 1000, "idle", null), "system");
        assertThat(JsonColumns.history(moved)).extracting(StatusChange::status, StatusChange::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("claimed", "agent:a"),
                        org.assertj.core.groups.Tuple.tuple("stale", "system"));
        assertThat(JsonColumns.history("[{\"status\":\"claimed\",\"timestamp\":\"1970-01-01T00:00:00.000Z\"}]").get(0)
                .actor()).as("entries written before actors were recorded").isNull();
    }
}
