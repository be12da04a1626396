/**
 * MCP: the second boundary over the same facades as the HTTP API, served at {@code /mcp} over Streamable HTTP.
 * <p>
 * Design decisions (docs/mcp.md has the user's view):
 * <ul>
 * <li>The official MCP Java SDK ({@code io.modelcontextprotocol.sdk:mcp}) speaks the protocol; no JSON-RPC is written
 * by hand. {@code boundary.McpEndpoint} builds its {@code HttpServletStreamableServerTransportProvider} when the
 * application starts (after the database, by observer priority) and {@code boundary.McpServlet} hands it each request
 * that passed {@code boundary.McpAccessFilter} (Origin allow-list, bearer key, body size, protocol revision). The SDK
 * keeps the sessions and ends those unused for {@code MCP_SESSION_IDLE_MINUTES}.</li>
 * <li>Tools come from CDI beans implementing {@code control.ToolGroup} (one per feature: claims, claim queries,
 * issues, follow-ups, repositories, health); {@code control.ToolTable} collects every group. The same definitions are
 * written at build time by {@code boundary.ToolCatalog} for the launcher's stdio front, which answers
 * {@code initialize} and {@code tools/list} before a server is up; a test compares the two lists.</li>
 * <li>Arguments are checked by the HTTP API's own rules: the arguments object becomes a {@code JsonBody} and the
 * operation's request record (package {@code dev.issuecommand.requests}, shared with the route) reads it; only
 * {@code claim_id} and {@code work_item_id}, path segments on HTTP, are read by {@code control.ToolArguments}. The
 * SDK's own schema validation of inputs is off, so that the messages are the API's ("Missing or invalid field: repo")
 * and no
 * rule exists twice; the input schemas document the arguments for the client.</li>
 * <li>{@code control.ToolCallGate} applies the mutation rate limit to tools that change something, keyed like the
 * HTTP routes (principal hash and {@code agent_id}); calls a stdio front on this machine relays are exempt, since
 * rate limits are for HTTP clients.</li>
 * <li>Results: the payload is serialized with the API's JSON-B (snake_case, nulls left out) and sent both as
 * {@code structuredContent} and as the same JSON text. Refusals ({@code ok:false}) are ordinary results, decided by
 * the facades (the reasons are {@code problems.Reason}); bad arguments, a read's refusal (a repository outside
 * {@code ALLOWED_REPOS} for {@code list_open_issues} and {@code get_issue_details}, which go through
 * {@code claims.control.Repositories} like their HTTP routes), an issue GitHub does not have (outside
 * {@code claim_issue}), GitHub being unavailable and unexpected errors are tool errors ({@code isError}) with one
 * sentence; an unexpected error shows only a correlation id.</li>
 * <li>{@code boundary.IdleExit} stops a server started with {@code IDLE_EXIT_MINUTES} (the stdio front's shared
 * background server) once nobody has sent a request for that long.</li>
 * </ul>
 * This package must not touch stdin or stdout: those belong to the launcher's stdio front.
 */
package dev.issuecommand.mcp;
