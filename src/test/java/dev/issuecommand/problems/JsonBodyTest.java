package dev.issuecommand.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static String detail(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.problem().detail();
        }
        throw new AssertionError("expected an ApiException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "\"text\"", "nul", "{\"a\":}"})
    void brokenOrNonObjectJsonIsInvalidPayload(String text) {
        assertThat(detail(() -> JsonBody.parse(text))).startsWith("Invalid JSON payload");
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        assertThat(detail(() -> JsonBody.parse("[".repeat(5000) + "]".repeat(5000))))
                .isEqualTo("Invalid JSON payload: nested too deeply");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "0", "-3", "7.5", "1e400", "99999999999", "true", "null"})
    void issueNumbersMustBePositiveWholeNumbers(String value) {
        JsonBody body = JsonBody.parse("{\"issue_number\":" + value + "}");
        assertThat(detail(() -> body.requiredPositiveInt("issue_number")))
                .isEqualTo("Missing or invalid field: issue_number");
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreAccepted() {
        assertThat(JsonBody.parse("{\"n\":42.0}").requiredPositiveInt("n")).isEqualTo(42);
        assertThat(JsonBody.parse("{\"n\":1E+2}").requiredPositiveInt("n")).isEqualTo(100);
    }

    @Test
    void identifiersAreNonBlankPrintableAndBounded() {
        assertThat(JsonBody.parse("{\"agent_id\":\" a-1 \"}").requiredId("agent_id")).isEqualTo("a-1");
        for (String bad : new String[] {"\"\"", "\"   \"", "5", "\"a\\u0000b\"", "\"" + "x".repeat(201) + "\""}) {
            JsonBody body = JsonBody.parse("{\"agent_id\":" + bad + "}");
            assertThat(detail(() -> body.requiredId("agent_id"))).isEqualTo("Missing or invalid field: agent_id");
        }
    }

    @Test
    void urlsMustBeHttp() {
        assertThat(JsonBody.parse("{\"pr_url\":\"https://github.com/a/b/pull/1\"}").optionalUrl("pr_url")).isPresent();
        assertThatThrownBy(() -> JsonBody.parse("{\"pr_url\":\"javascript:alert(1)\"}").optionalUrl("pr_url"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertThat(JsonBody.parse("").optionalText("note")).isEmpty();
    }
}
