package dev.issuecommand.openapi;

import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ServletProblems;
import dev.issuecommand.web.ClasspathFile;
import dev.issuecommand.web.FileAnswers;
import dev.issuecommand.web.ReadOnlyServlet;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /openapi/ui/}: Swagger UI showing {@code /openapi}, all of it served from this application (no CDN); its
 * "Authorize" takes the API key. {@code /openapi/ui} redirects there. Public: it needs no API key.
 */
@WebServlet(urlPatterns = {"/openapi/ui", "/openapi/ui/*"})
public class SwaggerUiServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;

    /** No inline script; inline styles only because Swagger UI sets style attributes; requests only to this server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final transient SwaggerUiFiles files = new SwaggerUiFiles(SwaggerUiServlet.class.getClassLoader());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/openapi/ui/");
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        Optional<ClasspathFile> file = files.find(path.equals("/") ? "index.html" : path.substring(1));
        if (file.isPresent()) {
            FileAnswers.send(request, response, file.get());
            return;
        }
        ServletProblems.send(response, Problem.of(404, "not_found", "Not found", "The API browser has no such file"));
    }
}
