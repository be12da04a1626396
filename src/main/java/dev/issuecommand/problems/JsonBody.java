package dev.issuecommand.problems;

import dev.issuecommand.config.JsonFactories;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;

/**
 * A request body read as a JSON object, with typed accessors that answer 400 naming the field
 * ("Missing or invalid field: issue_number") instead of failing deeper down (docs/behaviour.md §8).
 */
public final class JsonBody {

    /** Longest accepted identifier (agent ids, claim ids). */
    public static final int MAX_ID_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 10_000;
    private static final int MAX_DEPTH = 64;

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** Parses {@code text}; an empty body counts as {@code {}}. */
    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        if (nestingDepth(text) > MAX_DEPTH) {
            throw ApiException.badRequest("Invalid JSON payload: nested too deeply");
        }
        JsonValue value;
        try (var reader = JsonFactories.reader(new StringReader(text))) {
            value = reader.readValue();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw ApiException.badRequest("Invalid JSON payload");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("Invalid JSON payload: expected a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    /** A required identifier: a non-blank string of printable characters, at most {@value #MAX_ID_LENGTH} long. */
    public String requiredId(String field) {
        return optionalId(field).orElseThrow(() -> invalid(field));
    }

    public Optional<String> optionalId(String field) {
        Optional<String> value = optionalString(field, MAX_ID_LENGTH);
        if (value.isPresent() && !isIdentifier(value.get())) {
            throw invalid(field);
        }
        return value;
    }

    /** An optional free-text string (notes, reasons), at most 10,000 characters. */
    public Optional<String> optionalText(String field) {
        return optionalString(field, MAX_TEXT_LENGTH);
    }

    /** A required string whose meaning the caller checks. */
    public String requiredString(String field) {
        return optionalString(field, MAX_TEXT_LENGTH).orElseThrow(() -> invalid(field));
    }

    /** An optional http(s) URL. */
    public Optional<String> optionalUrl(String field) {
        Optional<String> value = optionalString(field, 2048);
        if (value.isPresent()) {
            try {
                URI uri = new URI(value.get());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw invalid(field);
                }
            } catch (java.net.URISyntaxException e) {
                throw invalid(field);
            }
        }
        return value;
    }

    /** A required positive whole number that fits in an int. */
    public int requiredPositiveInt(String field) {
        return optionalPositiveInt(field).orElseThrow(() -> invalid(field));
    }

    public Optional<Integer> optionalPositiveInt(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number)) {
            throw invalid(field);
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.signum() <= 0 || decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0
                || decimal.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw invalid(field);
        }
        return Optional.of(decimal.intValueExact());
    }

    private Optional<String> optionalString(String field, int maxLength) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()
                || string.getString().length() > maxLength) {
            throw invalid(field);
        }
        return Optional.of(string.getString().strip());
    }

    /** The raw JSON value of {@code field}, or null when absent. */
    public JsonValue raw(String field) {
        return json.get(field);
    }

    /** True for a non-blank string without control characters. */
    public static boolean isIdentifier(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_ID_LENGTH
                && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    public static ApiException invalid(String field) {
        return ApiException.badRequest("Missing or invalid field: " + field);
    }

    private static int nestingDepth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }
}
