package dev.issuecommand.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gives JAX-RS's own errors (unknown route, wrong method, unreadable body) the one error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not_found", "Not found", "No such route");
            case 405 -> Problem.of(405, "method_not_allowed", "Method not allowed", "This route does not accept that method");
            case 406 -> Problem.of(406, "not_acceptable", "Not acceptable", "This route answers application/json");
            case 413 -> Problem.of(413, "payload_too_large", "Payload too large", "Request bodies are limited to 1 MiB");
            case 415 -> Problem.of(415, "unsupported_media_type", "Unsupported media type", "Send application/json");
            default -> status >= 500
                    ? Problem.of(500, "internal_error", "Internal error", "The server could not handle the request")
                    : Problem.of(status, "request_failed", "Request failed", "The request could not be handled");
        };
        Response.ResponseBuilder response = ProblemResponses.builder(problem);
        if (status == 405 && exception.getResponse() != null) {
            exception.getResponse().getAllowedMethods().forEach(m -> response.header("Allow", m));
        }
        return response.build();
    }
}
