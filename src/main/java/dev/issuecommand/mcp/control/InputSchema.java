package dev.issuecommand.mcp.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a tool's input schema: a JSON Schema object whose properties are the tool's arguments, in order. */
public final class InputSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private InputSchema() {
    }

    public static InputSchema arguments() {
        return new InputSchema();
    }

    public InputSchema required(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        required.add(name);
        return this;
    }

    public InputSchema optional(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    public Map<String, Object> build() {
        return Schemas.object(properties, required);
    }
}
