package dev.issuecommand.mcp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Tells {@link IdleExit} that a request arrived, on every path. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestActivityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IdleExit idleExit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        idleExit.touch();
        chain.doFilter(request, response);
    }
}
