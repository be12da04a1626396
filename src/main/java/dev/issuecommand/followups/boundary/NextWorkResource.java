package dev.issuecommand.followups.boundary;

import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.entity.FollowupView;
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

/** {@code POST /api/next-work}: review feedback first, otherwise the next issue (SPEC §4). */
@ApplicationScoped
@Path("/api/next-work")
@Produces(MediaType.APPLICATION_JSON)
public class NextWorkResource {

    @Inject
    Followups followups;

    @Inject
    IssuePicker picker;

    @POST
    public Response next(String text) {
        JsonBody body = JsonBody.parse(text);
        String agentId = body.requiredId("agent_id");
        Optional<RepoName> repo = body.optionalText("repo")
                .map(name -> RepoName.parse(name).orElseThrow(() -> JsonBody.invalid("repo")));
        String label = body.optionalText("label").orElse(null);
        String milestone = body.optionalText("milestone").orElse(null);
        Optional<FollowupView> followup = followups.claimNext(agentId, repo.map(RepoName::fullName).orElse(null));
        if (followup.isPresent()) {
            return Response.ok(NextWorkAnswer.followup(followup.get())).build();
        }
        ClaimResult result = picker.next(agentId, repo, label, milestone);
        if (result.ok()) {
            return Response.ok(NextWorkAnswer.issue(result.claim(), result.issue())).build();
        }
        return ResultResponses.of(false, result, result.reason(), result.message(), result.ownerAgentId(),
                result.claim());
    }
}
