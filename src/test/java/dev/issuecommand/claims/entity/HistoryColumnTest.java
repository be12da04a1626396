package dev.issuecommand.claims.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryColumnTest {

    @Test
    void anAppendedEntryIsInTheTextAndInTheListReadAfterIt() {
        HistoryColumn column = new HistoryColumn();
        String started = JsonColumns.startHistory("claimed", 0);
        String moved = column.append(started, "in_progress", 1000, "on it", "agent:a");

        assertThat(JsonColumns.history(moved)).extracting(StatusChange::status, StatusChange::note, StatusChange::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("claimed", null, null),
                        org.assertj.core.groups.Tuple.tuple("in_progress", "on it", "agent:a"));
        assertThat(column.of(moved)).as("the list read after the change is the one the change wrote")
                .isEqualTo(JsonColumns.history(moved));
        assertThat(column.of(started)).as("another text is parsed again").hasSize(1);
    }

    @Test
    void theHistoryReadIsReadOnly() {
        List<StatusChange> history = new HistoryColumn().of(JsonColumns.startHistory("claimed", 0));
        assertThatThrownBy(() -> history.add(new StatusChange("stale", "1970-01-01T00:00:00.000Z", null, null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
