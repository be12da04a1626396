package dev.issuecommand.problems;

import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.GitHubUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** GitHub failures: 502/503 {@code github_unavailable} (docs/behaviour.md §6), never a bare 500. */
@Provider
public class GitHubExceptionMapper implements ExceptionMapper<GitHubUnavailableException> {

    @Override
    public Response toResponse(GitHubUnavailableException exception) {
        Response.ResponseBuilder response = ProblemResponses.builder(Problem.of(exception.status(),
                "github_unavailable", "GitHub unavailable", exception.getMessage()));
        if (exception.retryAfterSeconds() != null) {
            response.header("Retry-After", exception.retryAfterSeconds());
        }
        return response.build();
    }

    /** An issue or repository GitHub does not have: 404. */
    @Provider
    public static class NotFound implements ExceptionMapper<GitHubNotFoundException> {

        @Override
        public Response toResponse(GitHubNotFoundException exception) {
            return ProblemResponses.of(Problem.of(404, "not_found", "Not found", exception.getMessage()));
        }
    }
}
