package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.entity.RepoNotAllowedException;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A repository outside {@code ALLOWED_REPOS}: 403 {@code invalid_repo}, never a 500 (docs/behaviour.md §8). */
@Provider
public class RepoNotAllowedMapper implements ExceptionMapper<RepoNotAllowedException> {

    @Override
    public Response toResponse(RepoNotAllowedException exception) {
        return ProblemResponses.of(Problem.refusal(403, "invalid_repo", exception.getMessage(), null, null));
    }
}
