package dev.issuecommand.dashboard.control;

import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The dashboard's pictures (docs/behaviour.md §15): claims that ended per hour over the last 24 hours, and per day of
 * the last 7 the median and 90th percentile of the time from claim to {@code pr_submitted} and to {@code closed}.
 * The database computes them ({@link FleetQueries}); this fills in the hours and days that had none.
 */
@ApplicationScoped
public class FleetHistory {

    static final int HOURS = 24;
    static final int DAYS = 7;

    @Inject
    Database database;

    @Inject
    FleetQueries queries;

    @Inject
    Clock clock;

    /** {@code {"hours": [...], "days": [...]}}, oldest first. */
    public JsonObject history() {
        long now = clock.millis();
        long firstHour = (now / FleetQueries.HOUR - (HOURS - 1)) * FleetQueries.HOUR;
        long firstDay = (now / FleetQueries.DAY - (DAYS - 1)) * FleetQueries.DAY;
        return database.read(em -> JsonFactories.objectBuilder()
                .add("hours", hours(queries.endedPerHour(em, firstHour), firstHour))
                .add("days", days(queries.toPrSubmitted(em, firstDay), queries.toClosed(em, firstDay), firstDay))
                .build());
    }

    private static JsonArrayBuilder hours(List<FleetQueries.HourRow> rows, long firstHour) {
        JsonArrayBuilder hours = JsonFactories.arrayBuilder();
        for (int i = 0; i < HOURS; i++) {
            long hour = firstHour + i * FleetQueries.HOUR;
            hours.add(JsonFactories.objectBuilder().add("hour", Timestamps.iso(hour))
                    .add("closed", count(rows, hour, "closed"))
                    .add("released", count(rows, hour, "released")));
        }
        return hours;
    }

    private static int count(List<FleetQueries.HourRow> rows, long hour, String status) {
        return rows.stream().filter(row -> row.hour() == hour && row.status().equals(status))
                .mapToInt(FleetQueries.HourRow::count).sum();
    }

    private static JsonArrayBuilder days(List<FleetQueries.RankRow> toPr, List<FleetQueries.RankRow> toClosed,
            long firstDay) {
        JsonArrayBuilder days = JsonFactories.arrayBuilder();
        for (int i = 0; i < DAYS; i++) {
            long day = firstDay + i * FleetQueries.DAY;
            days.add(JsonFactories.objectBuilder()
                    .add("day", Instant.ofEpochMilli(day).atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .add("to_pr_submitted", percentiles(toPr, day))
                    .add("to_closed", percentiles(toClosed, day)));
        }
        return days;
    }

    /** The day's count, median and p90 in seconds; null percentiles on a day with none. */
    private static JsonObjectBuilder percentiles(List<FleetQueries.RankRow> rows, long day) {
        List<FleetQueries.RankRow> ranks = rows.stream().filter(row -> row.day() == day).toList();
        JsonObjectBuilder answer = JsonFactories.objectBuilder();
        if (ranks.isEmpty()) {
            return answer.add("count", 0).addNull("median_seconds").addNull("p90_seconds");
        }
        int n = ranks.get(0).count();
        return answer.add("count", n)
                .add("median_seconds", secondsAtRank(ranks, (n + 1) / 2))
                .add("p90_seconds", secondsAtRank(ranks, (9 * n + 9) / 10));
    }

    private static long secondsAtRank(List<FleetQueries.RankRow> ranks, int rank) {
        return ranks.stream().filter(row -> row.rank() == rank).findFirst().orElseThrow().millis() / 1000;
    }
}
