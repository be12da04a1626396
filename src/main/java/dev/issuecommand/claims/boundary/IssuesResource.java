package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.problems.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/issues/:owner/:repo/:number}: one issue with every comment; 404 when GitHub has none (SPEC §8). */
@ApplicationScoped
@Path("/api/issues")
@Produces(MediaType.APPLICATION_JSON)
public class IssuesResource {

    @Inject
    Repositories repositories;

    @GET
    @Path("{owner}/{repo}/{number}")
    public Map<String, Object> issue(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("number") String number) {
        return Map.of("issue", repositories.issue(ClaimParams.repo(owner + "/" + repo), issueNumber(number)));
    }

    private static int issueNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw JsonBody.invalid("number");
    }
}
