/**
 * Logging: {@code JsonLog} writes every log event as one JSON line ({@code time, level, event}, fields) to stderr and,
 * when {@code LOG_FILE} is set, to that file (docs/behaviour.md §1). Never to stdout, which belongs to MCP; callers
 * pass no secrets. Every feature may use it; it imports no feature (only {@code config}'s JSON factories).
 */
package dev.issuecommand.logging;
