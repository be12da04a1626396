package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.web.ReadOnlyServlet;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /}: the dashboard, at {@code /ui/} (docs/behaviour.md §15). */
@WebServlet(urlPatterns = "")
public class RootRedirectServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", DashboardPageFilter.PAGE);
    }
}
