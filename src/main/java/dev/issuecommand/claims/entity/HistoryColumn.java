package dev.issuecommand.claims.entity;

import java.util.Collections;
import java.util.List;

/**
 * The status history column of a claim or follow-up (docs/behaviour.md §3), parsed once per value of the column: a
 * change appends to the list it already holds, and the answer built right after it reads that list again.
 */
public final class HistoryColumn {

    private final ParsedColumn<List<StatusChange>> parsed = new ParsedColumn<>();

    /** The history {@code json} holds, read-only. */
    public List<StatusChange> of(String json) {
        return parsed.of(json, text -> Collections.unmodifiableList(JsonColumns.history(text)));
    }

    /** The column's new text: {@code json}'s history and one more entry, made by {@code actor} (null: not known). */
    public String append(String json, String status, long now, String note, String actor) {
        List<StatusChange> longer = JsonColumns.appended(of(json), status, now, note, actor);
        String text = JsonColumns.write(longer);
        parsed.keep(text, longer);
        return text;
    }
}
