package dev.issuecommand.mcp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /mcp}: hands each request to the MCP SDK's Streamable HTTP transport held by {@link McpEndpoint}. */
@WebServlet(urlPatterns = McpEndpoint.PATH, asyncSupported = true)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient McpEndpoint endpoint;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        var transport = endpoint.transport();
        if (transport == null) {
            McpAccessFilter.refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "IssueCommand is still starting; try again in a moment");
            return;
        }
        transport.service(request, response);
    }
}
