package dev.issuecommand.openapi;

import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ServletProblems;
import dev.issuecommand.web.ClasspathFile;
import dev.issuecommand.web.ClasspathFiles;
import dev.issuecommand.web.FileAnswers;
import dev.issuecommand.web.ReadOnlyServlet;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /openapi}: the OpenAPI document that the build wrote into the classes, YAML by default, JSON on
 * {@code ?format=JSON} or {@code Accept: application/json}. Public: it needs no API key.
 */
@WebServlet(urlPatterns = "/openapi")
public class OpenApiDocumentServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;

    private final transient ClasspathFiles files = new ClasspathFiles(OpenApiDocumentServlet.class.getClassLoader());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OpenApiFormat format = OpenApiFormat.requested(request.getParameter("format"), request.getHeader("Accept"));
        response.setHeader("Vary", "Accept");
        Optional<ClasspathFile> document = files.find(format.resource);
        if (document.isPresent()) {
            FileAnswers.send(request, response, document.get());
            return;
        }
        JsonLog.error("openapi.document_missing", "resource", format.resource);
        ServletProblems.send(response, Problem.of(500, "openapi_missing", "OpenAPI document missing",
                "This build carries no OpenAPI document; build the server with ./mvnw package"));
    }
}
