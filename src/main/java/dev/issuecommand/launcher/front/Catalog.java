package dev.issuecommand.launcher.front;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The server's MCP identity and tool list, written at build time from the server's own tool table (the
 * {@code mcp-catalog.json} beside this class), so the front answers {@code initialize} and {@code tools/list}
 * before any server is up with exactly what the server would answer.
 */
public final class Catalog {

    /** Revisions a stdio client may ask for; an unknown one is answered with the newest. */
    static final List<String> PROTOCOL_VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    /** The revision the front speaks with the server over Streamable HTTP. */
    static final String SERVER_PROTOCOL_VERSION = "2025-11-25";

    private final JsonObject catalog;

    private Catalog(JsonObject catalog) {
        this.catalog = catalog;
    }

    /** The catalog packaged with the launcher. */
    public static Catalog packaged() {
        try (InputStream in = Catalog.class.getResourceAsStream("mcp-catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("mcp-catalog.json is missing from the launcher");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return new Catalog(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code initialize} result for a client asking for {@code requestedVersion}. */
    public JsonObject initializeResult(String requestedVersion) {
        String version = PROTOCOL_VERSIONS.contains(requestedVersion) ? requestedVersion
                : PROTOCOL_VERSIONS.get(PROTOCOL_VERSIONS.size() - 1);
        return Json.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", catalog.get("capabilities"))
                .add("serverInfo", catalog.get("serverInfo"))
                .add("instructions", catalog.get("instructions"))
                .build();
    }

    /** The {@code tools/list} result: every tool, in one page. */
    public JsonObject toolsListResult() {
        return Json.createObjectBuilder().add("tools", catalog.get("tools")).build();
    }

    /** How many tools the catalog holds. */
    public int toolCount() {
        return catalog.getJsonArray("tools").size();
    }
}
