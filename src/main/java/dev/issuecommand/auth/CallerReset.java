package dev.issuecommand.auth;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Ends every request's caller on its thread ({@link Callers}), whatever way the request ends. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CallerReset extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Callers callers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            callers.served();
        }
    }
}
