package dev.issuecommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.config.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two databases opened on one SQLite file, as two processes do, deciding who runs each round of a job. */
class JobRoundsTest {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Database first;
    private Database second;

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void oneProcessRunsEachRoundAndAnotherTakesOverWhenItStops() {
        first = open();
        second = open();
        JobRounds a = rounds(first);
        JobRounds b = rounds(second);

        assertThat(a.mine("sweep", PERIOD)).as("the first tick ever").isTrue();
        assertThat(b.mine("sweep", PERIOD)).as("the same round, other process").isFalse();
        at(PERIOD.dividedBy(2));
        assertThat(b.mine("sweep", PERIOD)).as("half a period later").isFalse();
        at(PERIOD);
        assertThat(a.mine("sweep", PERIOD)).as("the next round").isTrue();
        assertThat(b.mine("other-job", PERIOD)).as("every job has its own rounds").isTrue();

        at(PERIOD.multipliedBy(3));
        assertThat(b.mine("sweep", PERIOD)).as("the first process stopped ticking").isTrue();
        at(PERIOD.multipliedBy(3).plus(PERIOD.dividedBy(2)));
        assertThat(a.mine("sweep", PERIOD)).isFalse();
    }

    private void at(Duration sinceStart) {
        now.set(1_000_000_000L + sinceStart.toMillis());
    }

    private Database open() {
        Database database = new Database();
        database.settings = Settings.from(Map.of("GITHUB_TOKEN", "t", "API_KEY", "k",
                "SQLITE_PATH", dir.resolve("rounds.db").toString())::get);
        database.open();
        return database;
    }

    private JobRounds rounds(Database database) {
        JobRounds rounds = new JobRounds();
        rounds.database = database;
        rounds.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        return rounds;
    }
}
