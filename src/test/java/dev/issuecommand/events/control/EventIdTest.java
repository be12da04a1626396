package dev.issuecommand.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Parsing of Last-Event-ID (and of the dashboard's ?after=). */
class EventIdTest {

    @Test
    void onlyANumericLastEventIdResumes() {
        assertThat(EventFeed.parseEventId("42")).isEqualTo(OptionalLong.of(42));
        assertThat(EventFeed.parseEventId(" 7 ")).isEqualTo(OptionalLong.of(7));
        assertThat(EventFeed.parseEventId(null)).isEmpty();
        assertThat(EventFeed.parseEventId("")).isEmpty();
        assertThat(EventFeed.parseEventId("abc")).isEmpty();
        assertThat(EventFeed.parseEventId("-1")).isEmpty();
        assertThat(EventFeed.parseEventId("99999999999999999999")).isEmpty();
    }
}
