package dev.issuecommand.events.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Parsing of the Last-Event-ID header. */
class EventsResourceTest {

    @Test
    void onlyANumericLastEventIdResumes() {
        assertThat(EventsResource.parse("42")).isEqualTo(OptionalLong.of(42));
        assertThat(EventsResource.parse(" 7 ")).isEqualTo(OptionalLong.of(7));
        assertThat(EventsResource.parse(null)).isEmpty();
        assertThat(EventsResource.parse("")).isEmpty();
        assertThat(EventsResource.parse("abc")).isEmpty();
        assertThat(EventsResource.parse("-1")).isEmpty();
        assertThat(EventsResource.parse("99999999999999999999")).isEmpty();
    }
}
