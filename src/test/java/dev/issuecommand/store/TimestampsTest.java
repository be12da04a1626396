package dev.issuecommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void writesIsoUtcWithMillisecondsLikeJavaScriptsToIsoString() {
        assertThat(Timestamps.iso(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Timestamps.iso(1_764_400_000_007L)).isEqualTo("2025-11-29T07:06:40.007Z");
        assertThat(Timestamps.iso(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(Timestamps.iso(253_402_300_799_999L)).isEqualTo("9999-12-31T23:59:59.999Z");
    }

    @Test
    void agreesWithTheJdkFormatterOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long millis = random.nextLong(-62_000_000_000_000L, 300_000_000_000_000L);
            assertThat(Timestamps.iso(millis)).as("millis %d", millis).isEqualTo(ISO.format(Instant.ofEpochMilli(millis)));
        }
    }
}
