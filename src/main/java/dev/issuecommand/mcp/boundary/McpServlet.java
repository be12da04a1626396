package dev.issuecommand.mcp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/** {@code /mcp}: hands each request to the MCP SDK's Streamable HTTP transport held by {@link McpEndpoint}. */
@WebServlet(urlPatterns = McpEndpoint.PATH, asyncSupported = true)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How long a request that comes while the endpoint is still being built waits for it. */
    private static final Duration STARTING_WAIT = Duration.ofSeconds(30);

    @Inject
    transient McpEndpoint endpoint;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        var transport = endpoint.transport(STARTING_WAIT);
        if (transport.isEmpty()) {
            McpAccessFilter.refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "IssueCommand's MCP endpoint is not available; try again in a moment");
            return;
        }
        transport.get().service(request, response);
    }
}
