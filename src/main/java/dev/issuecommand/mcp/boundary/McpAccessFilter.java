package dev.issuecommand.mcp.boundary;

import dev.issuecommand.auth.Authenticator;
import dev.issuecommand.auth.Caller;
import dev.issuecommand.auth.KeyCheck;
import dev.issuecommand.config.settings.Settings;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may reach {@code /mcp}, checked before the MCP SDK sees a request (MCP specification 2025-11-25, "Streamable
 * HTTP" and "Security Warning"): a browser {@code Origin} outside {@code MCP_ALLOWED_ORIGINS} gets 403 (DNS-rebinding
 * protection; requests without an Origin, as every non-browser client sends them, pass), a missing or wrong
 * key ({@code Authorization: Bearer <API_KEY or agent key>}, docs/behaviour.md §14) gets 401 with
 * {@code WWW-Authenticate}, a body over 1 MiB gets 413, and an
 * {@code MCP-Protocol-Version} this server does not speak gets 400. Each refusal is a JSON-RPC error body.
 */
@WebFilter(urlPatterns = McpEndpoint.PATH, asyncSupported = true)
public class McpAccessFilter extends HttpFilter {

    /** Largest request body accepted, as on the HTTP API. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Header a local stdio front sets on the calls it relays for its MCP client. */
    public static final String RELAY_HEADER = "X-IssueCommand-Relay";

    /** Request attribute: the call comes from a stdio front on this machine. */
    static final String RELAYED_ATTRIBUTE = "issuecommand.mcp.relayed";

    /** Request attribute: the {@link Caller} the request's key authenticated. */
    static final String CALLER_ATTRIBUTE = "issuecommand.mcp.caller";

    /** Protocol revisions of the Streamable HTTP transport (2025-03-26 introduced it). */
    static final Set<String> PROTOCOL_VERSIONS = Set.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    @Inject
    transient Authenticator authenticator;

    private transient DefaultServerTransportSecurityValidator origins;

    @Override
    public void init() {
        origins = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(settings.mcpAllowedOrigins()).build();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        try {
            origins.validateHeaders(origin == null ? Map.of() : Map.of("Origin", List.of(origin)));
        } catch (ServerTransportSecurityException e) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Origin " + origin + " is not allowed to use this "
                    + "MCP endpoint (MCP_ALLOWED_ORIGINS)");
            return;
        }
        KeyCheck check = authenticator.check(request.getHeader("Authorization"));
        if (!(check instanceof KeyCheck.Valid valid)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, Authenticator.refusal(check).detail());
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, valid.caller());
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request bodies are limited to 1 MiB");
            return;
        }
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !PROTOCOL_VERSIONS.contains(version.strip())) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Unsupported MCP-Protocol-Version " + version
                    + "; this server speaks " + String.join(", ", PROTOCOL_VERSIONS.stream().sorted().toList()));
            return;
        }
        if (request.getHeader(RELAY_HEADER) != null && fromThisMachine(request)) {
            request.setAttribute(RELAYED_ATTRIBUTE, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    /** A JSON-RPC error answer with {@code status}; {@code message} must not carry secrets or exception text. */
    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = errorBody(McpSchema.ErrorCodes.INVALID_REQUEST, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A JSON-RPC error response with a null {@code id}: the request's id is unknown where this is answered. */
    static byte[] errorBody(int code, String message) {
        ObjectNode body = JsonMapper.shared().createObjectNode().put("jsonrpc", "2.0").putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        return JsonMapper.shared().writeValueAsBytes(body);
    }

    /**
     * True when the request comes from a process on this machine itself, not through a proxy on it: a loopback peer,
     * no forwarding headers, and {@code TRUST_PROXY} off (with a trusted proxy, loopback peers are remote clients).
     */
    private boolean fromThisMachine(HttpServletRequest request) {
        if (settings.trustProxy() || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        String address = request.getRemoteAddr();
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
