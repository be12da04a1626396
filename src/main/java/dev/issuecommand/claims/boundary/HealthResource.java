package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.HealthSummary;
import dev.issuecommand.config.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/health}: uptime and claim numbers, behind the API key (docs/behaviour.md §8), and whether this
 * server is a demo (§16).
 */
@ApplicationScoped
@Tag(name = "health")
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    HealthSummary summary;

    @Inject
    Settings settings;

    @Operation(summary = "Service health",
            description = "Uptime and claim counts, and whether this server is a demo; behind the API key "
            + "(unauthenticated probes use /health).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Health")))
    @GET
    public Map<String, Object> health() {
        return Map.of("ok", true, "demo", settings.demo(), "health", summary.summary());
    }
}
