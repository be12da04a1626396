package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.HealthSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/health}: uptime and claim numbers, behind the API key (SPEC §8). */
@ApplicationScoped
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    HealthSummary summary;

    @GET
    public Map<String, Object> health() {
        return Map.of("ok", true, "health", summary.summary());
    }
}
