package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.GitHubSync;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/sync} (ours): reconcile with GitHub now and answer the counts of {@code sync.reconciled}. A sync
 * already running finishes first; concurrent requests share one re-run.
 */
@ApplicationScoped
@Tag(name = "github")
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    GitHubSync sync;

    @Operation(summary = "Reconcile with GitHub now",
            description = "Closes claims whose issues were closed on GitHub and refreshes issue metadata; "
            + "answers the counts of sync.reconciled.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SyncResult")))
    @APIResponse(responseCode = "502", ref = "Problem")
    @APIResponse(responseCode = "503", ref = "Problem")
    @POST
    public Response syncNow() throws InterruptedException {
        return Response.ok(Map.of("ok", true, "sync", sync.syncNowAndWait()), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
