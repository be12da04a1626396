package dev.issuecommand.requests;

import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;

import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Signing in to the dashboard: the body of {@code POST /ui/api/session} (docs/behaviour.md §15). */
@Schema(name = "OperatorSignIn", description = "Signing in to the dashboard")
public record OperatorSignIn(
        @Schema(name = "key", required = true, minLength = 1, maxLength = MAX_TEXT_LENGTH,
                description = "The shared API_KEY") String key,
        @Schema(name = "name", pattern = OperatorSignIn.NAME_PATTERN, defaultValue = OperatorSignIn.DEFAULT_NAME,
                description = "Who signs in: recorded with every change made from the dashboard") String name) {

    static final String NAME_PATTERN = "^[A-Za-z0-9._-]{1,40}$";
    static final String DEFAULT_NAME = "admin";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    public static OperatorSignIn from(JsonBody body) {
        String name = body.optionalId("name").orElse(DEFAULT_NAME);
        if (!NAME.matcher(name).matches()) {
            throw JsonBody.invalid("name");
        }
        return new OperatorSignIn(body.requiredText("key"), name);
    }

    @Override
    public String toString() {
        return "OperatorSignIn[name=" + name + "]";
    }
}
