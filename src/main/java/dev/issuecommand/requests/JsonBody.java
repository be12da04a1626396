package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_URL_LENGTH;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of one request, from a JSON body, an MCP call's arguments or query parameters, with typed accessors
 * that answer 400 naming the field ("Missing or invalid field: issue_number") instead of failing deeper down
 * (docs/behaviour.md §8). Each accessor is one binding rule; the request records of this package say which rule
 * each of their fields follows.
 */
public final class JsonBody {

    private static final int MAX_DEPTH = 64;

    /** Where the fields came from: query text stands for numbers and flags, tool errors name the argument. */
    private enum Source { BODY, QUERY, TOOL }

    private final JsonObject json;
    private final Source source;
    private final Caller caller;

    private JsonBody(JsonObject json, Source source) {
        this(json, source, null);
    }

    private JsonBody(JsonObject json, Source source, Caller caller) {
        this.json = json;
        this.source = source;
        this.caller = caller;
    }

    /** These fields, sent by {@code sender}: needed to read the agent a request acts as ({@link #actingAgent}). */
    public JsonBody sentBy(Caller sender) {
        return new JsonBody(json, source, sender);
    }

    /**
     * The agent the request acts as, by {@link Caller#actingAgent}: the administrator names it in {@code field}; an
     * agent key names it already, and {@code field} may only repeat it.
     */
    public String actingAgent(String field) {
        if (caller == null) {
            throw new IllegalStateException("the fields of a request acting for an agent are read with its sender");
        }
        return caller.actingAgent(optionalId(field), () -> invalid(field));
    }

    /** Parses a request body; an empty body counts as {@code {}}. */
    public static JsonBody parse(String text) {
        return new JsonBody(readObject(text), Source.BODY);
    }

    /** The arguments of an MCP tool call; absent arguments count as {@code {}}. */
    public static JsonBody ofArguments(Map<String, Object> arguments) {
        return new JsonBody(readObject(arguments == null ? null : JsonbConfiguration.JSONB.toJson(arguments)),
                Source.TOOL);
    }

    /** Query (or path) parameters as name/value pairs; a null or blank value counts as absent. */
    public static JsonBody ofQuery(String... namesAndValues) {
        JsonObjectBuilder builder = JsonFactories.objectBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                builder.add(namesAndValues[i], value);
            }
        }
        return new JsonBody(builder.build(), Source.QUERY);
    }

    /** These fields, with {@code value} (a query parameter) standing in for {@code field} when it is absent. */
    public JsonBody withFallback(String field, String value) {
        if (value == null || !isAbsent(json.get(field))) {
            return this;
        }
        JsonObjectBuilder builder = JsonFactories.objectBuilder();
        json.forEach(builder::add);
        return new JsonBody(builder.add(field, value).build(), source, caller);
    }

    /** A required identifier: a non-blank string of printable characters, {@value FieldLimits#MAX_ID_LENGTH} at most. */
    public String requiredId(String field) {
        return optionalId(field).orElseThrow(() -> invalid(field));
    }

    /** An optional identifier or name (agent ids, labels, milestones), by the rule of {@link #requiredId}. */
    public Optional<String> optionalId(String field) {
        Optional<String> value = optionalString(field, MAX_ID_LENGTH);
        if (value.isPresent() && value.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(field);
        }
        return value;
    }

    /** A required free-text string, by the rule of {@link #optionalText}. */
    public String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> invalid(field));
    }

    /** An optional free-text string (notes, reasons), at most {@value FieldLimits#MAX_TEXT_LENGTH} characters. */
    public Optional<String> optionalText(String field) {
        return optionalString(field, MAX_TEXT_LENGTH);
    }

    /** An optional http(s) URL. */
    public Optional<String> optionalUrl(String field) {
        Optional<String> value = optionalString(field, MAX_URL_LENGTH);
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

    public RepoName requiredRepo(String field) {
        return optionalRepo(field).orElseThrow(() -> invalid(field));
    }

    /** An optional repository as {@code owner/name}. */
    public Optional<RepoName> optionalRepo(String field) {
        return optionalText(field).map(text -> RepoName.parse(text).orElseThrow(() -> invalid(field)));
    }

    /** A required value of a closed set, read by {@code parse}; another value is "Invalid {@code what}: value". */
    public <T> T requiredChoice(String field, Function<String, Optional<T>> parse, String what) {
        return optionalChoice(field, parse, what).orElseThrow(() -> invalid(field));
    }

    public <T> Optional<T> optionalChoice(String field, Function<String, Optional<T>> parse, String what) {
        return optionalText(field).map(text -> parse.apply(text).orElseThrow(() -> ApiException.badRequest(
                "Invalid " + what + ": " + text + (source == Source.TOOL ? " (argument " + field + ")" : ""))));
    }

    /** An optional list of at most {@code max} repositories as {@code owner/name}; an empty list counts as absent. */
    public Optional<List<RepoName>> optionalRepos(String field, int max) {
        JsonValue value = json.get(field);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array) || array.size() > max) {
            throw invalid(field);
        }
        List<RepoName> repos = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw invalid(field);
            }
            repos.add(RepoName.parse(text.getString()).orElseThrow(() -> invalid(field)));
        }
        return repos.isEmpty() ? Optional.empty() : Optional.of(repos);
    }

    /** An optional moment as ISO-8601 ({@code 2026-12-01T00:00:00Z}), in milliseconds since the epoch. */
    public Optional<Long> optionalInstant(String field) {
        return optionalText(field).map(text -> {
            try {
                return Instant.parse(text.strip()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw invalid(field);
            }
        });
    }

    /** A required positive whole number that fits in an int. */
    public int requiredPositiveInt(String field) {
        return optionalPositiveInt(field).orElseThrow(() -> invalid(field));
    }

    /** An optional positive whole number that fits in an int; a query parameter gives it as decimal digits. */
    public Optional<Integer> optionalPositiveInt(String field) {
        JsonValue value = json.get(field);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (source == Source.QUERY && value instanceof JsonString text) {
            return Optional.of(parsePositive(text.getString().strip(), field));
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

    /** An optional positive whole number of at most {@code max}. */
    public Optional<Integer> optionalPositiveInt(String field, int max) {
        Optional<Integer> value = optionalPositiveInt(field);
        if (value.isPresent() && value.get() > max) {
            throw invalid(field);
        }
        return value;
    }

    /** An optional whole number from 0 to {@code max}. */
    public Optional<Integer> optionalCount(String field, int max) {
        if (json.get(field) instanceof JsonNumber number && number.bigDecimalValue().signum() == 0
                && number.bigDecimalValue().stripTrailingZeros().scale() <= 0) {
            return Optional.of(0);
        }
        return optionalPositiveInt(field, max);
    }

    /** An optional true or false; a query parameter may also say 1/0, yes/no or on/off. */
    public Optional<Boolean> optionalFlag(String field) {
        JsonValue value = json.get(field);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        if (source == Source.QUERY && value instanceof JsonString text) {
            return Optional.of(switch (text.getString().strip().toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off" -> false;
                default -> throw invalid(field);
            });
        }
        throw invalid(field);
    }

    private Optional<String> optionalString(String field, int maxLength) {
        JsonValue value = json.get(field);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()
                || string.getString().length() > maxLength) {
            throw invalid(field);
        }
        return Optional.of(string.getString().strip());
    }

    static ApiException invalid(String field) {
        return ApiException.badRequest("Missing or invalid field: " + field);
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static int parsePositive(String text, String field) {
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field);
    }

    private static JsonObject readObject(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
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
        return value.asJsonObject();
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
