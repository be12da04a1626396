package dev.issuecommand.web;

import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ServletProblems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A servlet that only answers GET and HEAD: any other method gets a 405 problem, like the API's routes, and an
 * unexpected failure a 500 problem that names only a correlation id.
 */
public abstract class ReadOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            try {
                super.service(request, response);
            } catch (IOException | RuntimeException e) {
                ServletProblems.internalError(response, e);
            }
            return;
        }
        response.setHeader("Allow", "GET, HEAD");
        ServletProblems.send(response, Problem.of(405, "method_not_allowed", "Method not allowed",
                "This route does not accept that method"));
    }
}
