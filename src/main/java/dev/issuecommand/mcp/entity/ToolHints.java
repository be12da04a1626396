package dev.issuecommand.mcp.entity;

/**
 * The behaviour hints of a tool (MCP tool annotations): whether it only reads, whether a repeated call with the same
 * arguments changes nothing more, whether it can end something for good, and whether it reaches GitHub.
 */
public record ToolHints(boolean readOnly, boolean idempotent, boolean destructive, boolean openWorld) {

    /** Reads our own database only. */
    public static final ToolHints READS = new ToolHints(true, true, false, false);

    /** Reads from GitHub. */
    public static final ToolHints READS_GITHUB = new ToolHints(true, true, false, true);
}
