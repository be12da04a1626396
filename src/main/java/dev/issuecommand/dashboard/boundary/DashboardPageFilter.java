package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ServletProblems;
import dev.issuecommand.web.ClasspathFile;
import dev.issuecommand.web.ClasspathFiles;
import dev.issuecommand.web.FileAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Serves the dashboard's page at {@code /ui/} (docs/behaviour.md §15): its files from the application's resources,
 * each with the page's security headers, and nothing else; {@code /ui/api} passes on to the page's API. A filter and
 * not a servlet because a servlet at {@code /ui/*} would also take {@code /ui/api}, which JAX-RS serves.
 */
@WebFilter(urlPatterns = "/ui/*", asyncSupported = true)
public class DashboardPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String FILES = "dev/issuecommand/dashboard/ui/";
    static final String PAGE = "/ui/";
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final transient ClasspathFiles files = new ClasspathFiles(DashboardPageFilter.class.getClassLoader());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(OperatorSessionFilter.API) || path.startsWith(OperatorSessionFilter.API + "/")) {
            chain.doFilter(request, response);
            return;
        }
        DashboardHeaders.PAGE.forEach(response::setHeader);
        if (!READS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            ServletProblems.send(response, Problem.of(405, "method_not_allowed", "Method not allowed",
                    "The dashboard's files are only read"));
            return;
        }
        if (!path.startsWith(PAGE)) {
            response.sendRedirect(PAGE);
            return;
        }
        String name = path.substring(PAGE.length());
        Optional<ClasspathFile> file = files.findIn(FILES, name.isEmpty() ? "index.html" : name);
        if (file.isEmpty()) {
            ServletProblems.send(response, Problem.of(404, "not_found", "Not found", "The dashboard has no such file"));
            return;
        }
        FileAnswers.send(request, response, file.get());
    }
}
