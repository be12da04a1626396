package dev.issuecommand.metrics;

import dev.issuecommand.problems.ApiException;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /metrics}: every scope, or the one named by {@code ?scope=}, in the Prometheus text format or, when the
 * scraper's {@code Accept} asks for it, OpenMetrics. Public like a scrape target: the API key guards only
 * {@code /api} and {@code /sse}.
 */
@ApplicationScoped
@Tag(name = "health")
@Path("/metrics")
public class MetricsResource {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    @Inject
    MetricRegistries registries;

    @Operation(summary = "Prometheus metrics",
            description = "IssueCommand's gauges and counters (mp_scope=\"application\") and the JVM's "
                    + "(mp_scope=\"base\"); no API key. OpenMetrics when Accept asks for application/openmetrics-text.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The metrics",
            content = {@Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/openmetrics-text", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    public Response scrape(
            @Parameter(description = "Only this scope",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"application", "base"}))
            @QueryParam("scope") String scope,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricSnapshots snapshots = registries.read(scopes(scope));
        ExpositionFormatWriter writer = writerFor(accept);
        StreamingOutput body = out -> writer.write(out, snapshots);
        return Response.ok(body, writer.getContentType()).build();
    }

    /** The format {@code accept} asks for; Prometheus text when that is protobuf, which this build does not ship. */
    private static ExpositionFormatWriter writerFor(String accept) {
        ExpositionFormatWriter writer = FORMATS.findWriter(accept);
        return writer.isAvailable() ? writer : FORMATS.getPrometheusTextFormatWriter();
    }

    private static List<MetricsScope> scopes(String scope) {
        if (scope == null) {
            return List.of(MetricsScope.values());
        }
        return List.of(MetricsScope.named(scope).orElseThrow(() -> ApiException.badRequest(
                "Invalid query parameter scope: \"" + scope + "\" (expected " + MetricsScope.choices() + ")")));
    }
}
