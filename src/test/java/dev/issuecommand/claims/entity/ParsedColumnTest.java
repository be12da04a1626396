package dev.issuecommand.claims.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A JSON column is parsed once per value the entity holds, and again whenever the column holds another text. */
class ParsedColumnTest {

    private final ParsedColumn<List<String>> column = new ParsedColumn<>();
    private final AtomicInteger parses = new AtomicInteger();

    private List<String> parse(String json) {
        parses.incrementAndGet();
        return JsonColumns.strings(json);
    }

    @Test
    void theSameTextIsParsedOnce() {
        String json = JsonColumns.write(List.of("bug"));
        assertThat(column.of(json, this::parse)).containsExactly("bug");
        assertThat(column.of(json, this::parse)).containsExactly("bug");
        assertThat(parses).hasValue(1);
    }

    @Test
    void anotherTextIsParsedAgainEvenWhenEqual() {
        column.of(JsonColumns.write(List.of("bug")), this::parse);
        assertThat(column.of(JsonColumns.write(List.of("feature")), this::parse)).containsExactly("feature");
        assertThat(column.of(new String(JsonColumns.write(List.of("feature"))), this::parse))
                .as("a reload from the database brings a new instance").containsExactly("feature");
        assertThat(parses).hasValue(3);
    }

    @Test
    void aValueKeptWithTheTextItWasWrittenFromIsNotParsed() {
        List<String> written = List.of("docs");
        String json = JsonColumns.write(written);
        column.keep(json, written);
        assertThat(column.of(json, this::parse)).isSameAs(written);
        assertThat(parses).hasValue(0);
    }
}
