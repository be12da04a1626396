package dev.issuecommand.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.problems.ApiException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    /** The detail of the 400 that {@code action} ends with. */
    static String detail(Runnable action) {
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

    @Test
    void queryParametersGiveNumbersAndFlagsAsTextAndBlankMeansAbsent() {
        JsonBody query = JsonBody.ofQuery("limit", " 7 ", "flag", "Yes", "off", "0", "empty", " ", "none", null);
        assertThat(query.optionalPositiveInt("limit")).contains(7);
        assertThat(query.optionalFlag("flag")).contains(true);
        assertThat(query.optionalFlag("off")).contains(false);
        assertThat(query.optionalId("empty")).isEmpty();
        assertThat(query.optionalId("none")).isEmpty();
        for (String bad : new String[] {"abc", "-1", "0", "1e9", "99999999999999999999"}) {
            assertThat(detail(() -> JsonBody.ofQuery("pr_number", bad).optionalPositiveInt("pr_number")))
                    .isEqualTo("Missing or invalid field: pr_number");
        }
        assertThat(detail(() -> JsonBody.ofQuery("include_counts", "maybe").optionalFlag("include_counts")))
                .isEqualTo("Missing or invalid field: include_counts");
    }

    @Test
    void aBodyTakesNumbersAndFlagsOnlyAsJson() {
        assertThat(detail(() -> JsonBody.parse("{\"n\":\"7\"}").optionalPositiveInt("n")))
                .isEqualTo("Missing or invalid field: n");
        assertThat(detail(() -> JsonBody.ofArguments(Map.of("f", "true")).optionalFlag("f")))
                .isEqualTo("Missing or invalid field: f");
        assertThat(JsonBody.ofArguments(Map.of("f", false)).optionalFlag("f")).contains(false);
        assertThat(JsonBody.ofArguments(null).optionalFlag("f")).isEmpty();
    }

    @Test
    void boundedNumbersNameTheFieldPastTheBound() {
        assertThat(JsonBody.parse("{\"limit\":200}").optionalPositiveInt("limit", 200)).contains(200);
        assertThat(detail(() -> JsonBody.parse("{\"limit\":201}").optionalPositiveInt("limit", 200)))
                .isEqualTo("Missing or invalid field: limit");
    }

    @Test
    void aValueOutsideAClosedSetIsNamedAndToolsSayWhichArgument() {
        assertThat(detail(() -> JsonBody.parse("{\"status\":\" x \"}").requiredChoice("status", t -> Optional.empty(),
                "claim status"))).isEqualTo("Invalid claim status: x");
        assertThat(detail(() -> JsonBody.ofArguments(Map.of("status", "x")).requiredChoice("status",
                t -> Optional.empty(), "claim status"))).isEqualTo("Invalid claim status: x (argument status)");
        assertThat(detail(() -> JsonBody.parse("{}").requiredChoice("status", Optional::of, "claim status")))
                .isEqualTo("Missing or invalid field: status");
    }

    @Test
    void repositoriesAreOwnerSlashName() {
        assertThat(JsonBody.parse("{\"repo\":\" acme/widgets \"}").requiredRepo("repo").fullName())
                .isEqualTo("acme/widgets");
        for (String bad : new String[] {"\"no-slash\"", "\"a/b/c\"", "\"'/x\"", "3"}) {
            assertThat(detail(() -> JsonBody.parse("{\"repo\":" + bad + "}").optionalRepo("repo")))
                    .isEqualTo("Missing or invalid field: repo");
        }
    }

    @Test
    void aFallbackStandsInOnlyForAnAbsentField() {
        assertThat(JsonBody.parse("").withFallback("agent_id", "q").requiredId("agent_id")).isEqualTo("q");
        assertThat(JsonBody.parse("{\"agent_id\":null}").withFallback("agent_id", "q").requiredId("agent_id"))
                .isEqualTo("q");
        assertThat(JsonBody.parse("{\"agent_id\":\"b\"}").withFallback("agent_id", "q").requiredId("agent_id"))
                .isEqualTo("b");
        assertThat(detail(() -> JsonBody.parse("{\"agent_id\":5}").withFallback("agent_id", "q")
                .requiredId("agent_id"))).isEqualTo("Missing or invalid field: agent_id");
        assertThat(detail(() -> JsonBody.parse("").withFallback("agent_id", null).requiredId("agent_id")))
                .isEqualTo("Missing or invalid field: agent_id");
    }
}
