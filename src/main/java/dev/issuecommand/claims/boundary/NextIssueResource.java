package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code POST /api/next}: claim the most important unclaimed issue in one call (SPEC §4). */
@ApplicationScoped
@Path("/api/next")
@Produces(MediaType.APPLICATION_JSON)
public class NextIssueResource {

    @Inject
    IssuePicker picker;

    @POST
    public Response next(String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        Optional<RepoName> repo = body.optionalText("repo").map(ClaimParams::repo);
        String label = body.optionalText("label").orElse(null);
        String milestone = body.optionalText("milestone").orElse(null);
        return ClaimsResource.respond(picker.next(agentId, repo, label, milestone));
    }
}
