package dev.issuecommand.mcp.boundary;

import dev.issuecommand.mcp.control.ServerIdentity;
import dev.issuecommand.mcp.control.ToolTable;
import dev.issuecommand.mcp.entity.Tool;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool table written out at build time, for the stdio front that answers {@code initialize} and
 * {@code tools/list} before any server is up: the server's identity and every tool's definition, made by the same
 * code the server lists its tools with ({@link ToolTable#definitions}), so the two cannot differ.
 */
public final class ToolCatalog {

    private ToolCatalog() {
    }

    /** Every tool group's tools, sorted by name as {@link ToolTable} sorts them. */
    public static List<Tool> tools() {
        return Stream.of(new ClaimTools().tools(), new ClaimQueryTools().tools(), new IssueTools().tools(),
                        new HealthTools().tools(), new FollowupTools().tools(), new RepositoryTools().tools(),
                        new QuarantineTools().tools())
                .flatMap(List::stream).sorted(Comparator.comparing(Tool::name)).toList();
    }

    /** The catalog as JSON: {@code serverInfo}, {@code instructions}, {@code capabilities} and {@code tools}. */
    public static String json() throws IOException {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("serverInfo", Map.of("name", ServerIdentity.NAME, "version", ServerIdentity.VERSION));
        catalog.put("instructions", ServerIdentity.INSTRUCTIONS);
        catalog.put("capabilities", ServerIdentity.CAPABILITIES);
        catalog.put("tools", ToolTable.definitions(tools()));
        return new JacksonMcpJsonMapper(JsonMapper.shared()).writeValueAsString(catalog);
    }

    /** Writes the catalog to the file named by the first argument (run by the build). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, json());
    }
}
