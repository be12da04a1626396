package dev.issuecommand.followups.boundary;

import dev.issuecommand.followups.control.NextWork;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.problems.JsonBody;
import dev.issuecommand.problems.ResultResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code POST /api/next-work}: review feedback first, otherwise the next issue (SPEC §4); 409 when nothing. */
@ApplicationScoped
@Path("/api/next-work")
@Produces(MediaType.APPLICATION_JSON)
public class NextWorkResource {

    @Inject
    NextWork nextWork;

    @POST
    public Response next(String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        Optional<RepoName> repo = body.optionalText("repo")
                .map(name -> RepoName.parse(name).orElseThrow(() -> JsonBody.invalid("repo")));
        String label = body.optionalText("label").orElse(null);
        String milestone = body.optionalText("milestone").orElse(null);
        NextWorkResult result = nextWork.next(agentId, repo, label, milestone);
        return ResultResponses.of(result.ok(), result, result.reason(), result.message(), null, null);
    }
}
