package dev.issuecommand.dashboard.boundary;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.dashboard.control.OperatorSessions;
import dev.issuecommand.dashboard.entity.OperatorSession;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.OperatorSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signing in to the dashboard and out again (docs/behaviour.md §15): the shared {@code API_KEY} opens a session held
 * in an {@code HttpOnly} cookie; the answer carries the CSRF token the page sends back with every change.
 */
@ApplicationScoped
@Tag(name = "dashboard")
@Path(OperatorSessionFilter.SESSION_ROUTE)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    OperatorSessions sessions;

    @Inject
    Settings settings;

    @Operation(summary = "Sign in to the dashboard",
            description = "With the shared API_KEY and a name recorded with every change made from the dashboard. "
            + "Sets the HttpOnly session cookie; answers the CSRF token. A wrong key is 401 unauthorized.")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "OperatorSession")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Problem")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OperatorSignIn.class)))
    @SecurityRequirementsSet
    @POST
    public Response signIn(@Context HttpServletRequest request, String text) {
        OperatorSignIn signIn = OperatorSignIn.from(JsonBody.parse(text));
        Optional<OperatorSession.Opened> opened = sessions.signIn(signIn.key(), signIn.name());
        if (opened.isEmpty()) {
            return ProblemResponses.of(Problem.of(401, "unauthorized", "Unauthorized", "That is not the API key"));
        }
        return Response.ok(describe(opened.get().session()), MediaType.APPLICATION_JSON_TYPE)
                .cookie(SessionCookie.set(opened.get().token(), OperatorSession.LIFETIME.toSeconds(), request, settings))
                .build();
    }

    @Operation(summary = "Who is signed in",
            description = "The signed-in operator and the CSRF token, or signed_in:false (with whether this is the "
            + "demo) for a browser without a live session.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "OperatorSession")))
    @SecurityRequirementsSet
    @GET
    public Map<String, Object> current(@CookieParam(SessionCookie.NAME) String token) {
        return sessions.find(token).map(this::describe)
                .orElseGet(this::signedOut);
    }

    @Operation(summary = "Sign out of the dashboard", description = "Ends the session everywhere; needs the CSRF token.")
    @APIResponse(responseCode = "200", description = "Signed out",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "OperatorSession")))
    @APIResponse(responseCode = "401", ref = "Problem")
    @APIResponse(responseCode = "403", ref = "Problem")
    @SecurityRequirement(name = "operatorSession")
    @DELETE
    public Response signOut(@Context HttpServletRequest request, @CookieParam(SessionCookie.NAME) String token) {
        sessions.signOut(token);
        return Response.ok(signedOut(), MediaType.APPLICATION_JSON_TYPE)
                .cookie(SessionCookie.clear(request, settings)).build();
    }

    private Map<String, Object> signedOut() {
        return Map.of("signed_in", false, "demo", settings.demo());
    }

    private Map<String, Object> describe(OperatorSession session) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("signed_in", true);
        answer.put("operator", session.operator());
        answer.put("csrf_token", session.csrfToken());
        answer.put("demo", settings.demo());
        return answer;
    }
}
