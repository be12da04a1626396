package dev.issuecommand.claims.entity;

import java.util.function.Function;

/**
 * The parsed value of one JSON text column of an entity, kept while the column holds the same text, so that a change
 * and the answer built right after it parse the column once. "The same text" is the same {@code String} instance: the
 * entity assigns a new one on every change of the column, and so does a load or refresh from the database.
 */
final class ParsedColumn<T> {

    private String parsedFrom;
    private T parsed;

    /** {@code json} parsed by {@code parse}, or the value kept from the last call with this very text. */
    T of(String json, Function<String, T> parse) {
        if (parsed == null || parsedFrom != json) {
            parsed = parse.apply(json);
            parsedFrom = json;
        }
        return parsed;
    }

    /** Keeps {@code value} as what {@code json}, just written from it, parses to. */
    void keep(String json, T value) {
        parsedFrom = json;
        parsed = value;
    }
}
