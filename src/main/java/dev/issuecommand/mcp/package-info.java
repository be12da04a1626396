/**
 * The MCP stdio bridge (SPEC §1 and §10): the second boundary over the same facades as the HTTP API.
 * <p>
 * Design decisions:
 * <ul>
 * <li>The official MCP Java SDK ({@code io.modelcontextprotocol.sdk:mcp}) speaks the protocol; no JSON-RPC is written
 * by hand. Its {@code StdioServerTransportProvider} runs on the process's real stdin and stdout
 * ({@code FileDescriptor.in/out}): the launcher sent {@code System.out} to stderr, so nothing but MCP reaches stdout.
 * The SDK logs through slf4j, bound to java.util.logging, that is Liberty's log on stderr.</li>
 * <li>{@code boundary.McpBridge} starts with the application (after the database, by observer priority).
 * {@code control.StdioChannel} watches the transport: stdin ending before any {@code initialize} leaves the bridge
 * idle and HTTP serving (service managers, containers, {@code </dev/null}); stdin ending after a session was
 * initialized stops the whole process with {@code System.exit(0)}, which runs Liberty's graceful shutdown. Calls
 * already received are answered first, because the SDK stops writing once it sees the end of stdin.</li>
 * <li>Before Liberty binds {@code HTTP_PORT} (it does so after the application started), the bridge tries the port;
 * when another process holds it, a {@code http.port_in_use} line says that this process serves MCP only.</li>
 * <li>Tools come from CDI beans implementing {@code control.ToolGroup} (one per feature: claims, claim queries,
 * issues, health); {@code control.ToolTable} collects every group, so a new tool is one small registration.</li>
 * <li>Arguments are checked by the HTTP API's own rules: the arguments object becomes a {@code JsonBody}, and
 * {@code RepoName}, {@code ClaimStatus}, {@code ClaimParams} and the history cursor check do the rest. The SDK's own
 * schema validation of inputs is off, so that the messages are the API's ("Missing or invalid field: repo") and no
 * rule exists twice; the input schemas document the arguments for the client.</li>
 * <li>Results: the payload is serialized with the API's JSON-B (snake_case, nulls left out) and sent both as
 * {@code structuredContent} and as the same JSON text. Refusals ({@code ok:false}) are ordinary results; bad
 * arguments, an issue GitHub does not have (outside {@code claim_issue}), GitHub being unavailable and unexpected
 * errors are tool errors ({@code isError}) with one sentence; an unexpected error shows only a correlation id.
 * Output schemas list what is always present and allow more members, so adding a field never breaks a client.</li>
 * </ul>
 */
package dev.issuecommand.mcp;
