package dev.issuecommand.config;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

/**
 * JSON Processing, looked up once. The static methods of {@code jakarta.json.Json} look the provider up through the
 * {@code ServiceLoader} on every call, which was about a tenth of the CPU of a status change; the application reads
 * and builds JSON through these instead.
 */
public final class JsonFactories {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private JsonFactories() {
    }

    public static JsonReader reader(Reader text) {
        return READERS.createReader(text);
    }

    public static JsonReader reader(InputStream bytes) {
        return READERS.createReader(bytes);
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder holding the members of {@code object}, to add more. */
    public static JsonObjectBuilder objectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonValue number(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonValue number(double value) {
        return PROVIDER.createValue(value);
    }
}
