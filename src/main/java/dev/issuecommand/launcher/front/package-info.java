/**
 * The light MCP stdio front of the runnable jar: plain JDK plus Jakarta JSON Processing (Parsson), no Liberty, so an
 * MCP client gets its {@code initialize} answered within about half a second of spawn, and each agent's process stays
 * small. It answers {@code initialize}, {@code tools/list} and {@code ping} from the build-time {@code Catalog}, relays
 * every other message to the server's {@code /mcp} ({@code McpRelay}), and decides under OS file locks whether a
 * server must be started ({@code ServerStart}, {@code ServerLocks}, {@code BackgroundServer}). It owns stdin and
 * stdout: nothing but MCP messages is written to stdout; logs are JSON lines on stderr. It must not depend on any
 * class of the application (the WAR), only on the catalog file the build writes beside it. docs/mcp.md describes
 * the behaviour.
 */
package dev.issuecommand.launcher.front;
