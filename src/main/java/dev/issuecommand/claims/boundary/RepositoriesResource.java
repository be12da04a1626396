package dev.issuecommand.claims.boundary;

import dev.issuecommand.claims.control.Repositories;
import dev.issuecommand.problems.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/repos} and {@code GET /api/repos/:owner/:repo/issues} (SPEC §8). */
@ApplicationScoped
@Path("/api/repos")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoriesResource {

    @Inject
    Repositories repositories;

    @GET
    public Map<String, Object> list(@QueryParam("include_counts") String includeCounts) {
        return Map.of("repos", repositories.list(flag(includeCounts, "include_counts", true)));
    }

    @GET
    @Path("{owner}/{repo}/issues")
    public Map<String, Object> issues(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("label") String label, @QueryParam("milestone") String milestone) {
        return Map.of("issues", repositories.openIssues(ClaimParams.repo(owner + "/" + repo),
                text(label, "label"), text(milestone, "milestone")));
    }

    static boolean flag(String text, String field, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw JsonBody.invalid(field);
        };
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200 || !JsonBody.isIdentifier(value)) {
            throw JsonBody.invalid(field);
        }
        return value.strip();
    }
}
