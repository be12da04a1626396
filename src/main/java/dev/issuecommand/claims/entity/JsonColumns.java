package dev.issuecommand.claims.entity;

import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.store.Timestamps;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The JSON text columns of claims and follow-ups: string lists and status histories, in the API's JSON shape. */
public final class JsonColumns {

    private static final Type STRINGS = new ArrayList<String>() { }.getClass().getGenericSuperclass();
    private static final Type CHANGES = new ArrayList<StatusChange>() { }.getClass().getGenericSuperclass();

    private JsonColumns() {
    }

    public static String write(Object value) {
        return JsonbConfiguration.JSONB.toJson(value);
    }

    public static List<String> strings(String json) {
        return JsonbConfiguration.JSONB.fromJson(json, STRINGS);
    }

    /** {@link #strings}, read-only. */
    public static List<String> readOnlyStrings(String json) {
        return Collections.unmodifiableList(strings(json));
    }

    public static List<StatusChange> history(String json) {
        return new ArrayList<>(JsonbConfiguration.JSONB.fromJson(json, CHANGES));
    }

    /** A history holding only its first status. */
    public static String startHistory(String status, long now) {
        return write(List.of(new StatusChange(status, Timestamps.iso(now), null, null)));
    }

    /** {@code json} with its newest entry attributed to {@code actor}, unless it already names who made it. */
    public static String attributeNewest(String json, String actor) {
        List<StatusChange> changes = history(json);
        int newest = changes.size() - 1;
        if (newest < 0 || changes.get(newest).actor() != null) {
            return json;
        }
        StatusChange change = changes.get(newest);
        changes.set(newest, new StatusChange(change.status(), change.timestamp(), change.note(), actor));
        return write(changes);
    }

    /** A new history: {@code changes} and one more entry, made by {@code actor} (null: not known). */
    static List<StatusChange> appended(List<StatusChange> changes, String status, long now, String note,
            String actor) {
        List<StatusChange> longer = new ArrayList<>(changes.size() + 1);
        longer.addAll(changes);
        longer.add(new StatusChange(status, Timestamps.iso(now), note, actor));
        return Collections.unmodifiableList(longer);
    }
}
