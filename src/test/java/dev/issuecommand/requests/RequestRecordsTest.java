package dev.issuecommand.requests;

import static dev.issuecommand.requests.JsonBodyTest.detail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.auth.Caller;
import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.followups.entity.FollowupStatus;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** Each request record's fields and rules, read from a body, tool arguments or query parameters alike. */
class RequestRecordsTest {

    @Test
    void claimRequestNeedsAnAgentARepositoryAndAnIssueNumber() {
        ClaimRequest request = ClaimRequest.from(admin(
                "{\"agent_id\":\"a-1\",\"repo\":\"acme/widgets\",\"issue_number\":7}"));
        assertThat(request.agentId()).isEqualTo("a-1");
        assertThat(request.repo().fullName()).isEqualTo("acme/widgets");
        assertThat(request.issueNumber()).isEqualTo(7);
        assertThat(detail(() -> ClaimRequest.from(admin("{\"agent_id\":\"a\",\"repo\":\"acme/widgets\"}"))))
                .isEqualTo("Missing or invalid field: issue_number");
        assertThat(detail(() -> ClaimRequest.from(adminArguments(Map.of("agent_id", "a", "repo", "x")))))
                .isEqualTo("Missing or invalid field: repo");
    }

    @Test
    void anAgentKeyIsIssuedOnlyForAdmittedRepositoriesAndAFutureExpiry() {
        AgentKeyRequest request = AgentKeyRequest.from(admin(
                "{\"agent_id\":\"a-1\",\"repos\":[\"Acme/Widgets\",\"acme/api\"],"
                + "\"expires_at\":\"2027-01-31T00:00:00Z\"}"));
        long before = Instant.parse("2027-01-30T00:00:00Z").toEpochMilli();
        assertThat(request.repoNames()).containsExactly("Acme/Widgets", "acme/api");
        assertThat(request.refused(repo -> true, before)).isEmpty();
        assertThat(request.refused(repo -> !repo.equals("acme/api"), before)).contains(
                new AgentKeyRequest.Refused("repos", "Repository acme/api is not in ALLOWED_REPOS"));
        assertThat(request.refused(repo -> true, request.expiresAt())).contains(
                new AgentKeyRequest.Refused("expires_at", "it is in the past"));
    }

    @Test
    void claimUpdateNamesAnUnknownStatusAndChecksTheUrl() {
        ClaimUpdate update = ClaimUpdate.from(admin(
                "{\"agent_id\":\"a\",\"status\":\"pr_submitted\",\"pr_url\":\"https://github.com/a/b/pull/1\"}"));
        assertThat(update.status()).isEqualTo(ClaimStatus.PR_SUBMITTED);
        assertThat(update.note()).isNull();
        assertThat(detail(() -> ClaimUpdate.from(admin("{\"agent_id\":\"a\",\"status\":\"finished\"}"))))
                .isEqualTo("Invalid claim status: finished");
        assertThat(detail(() -> ClaimUpdate.from(adminArguments(Map.of("agent_id", "a", "status", "finished")))))
                .isEqualTo("Invalid claim status: finished (argument status)");
        assertThat(detail(() -> ClaimUpdate.from(admin(
                "{\"agent_id\":\"a\",\"status\":\"closed\",\"pr_url\":\"javascript:alert(1)\"}"))))
                .isEqualTo("Missing or invalid field: pr_url");
    }

    @Test
    void claimReleaseTakesTheAgentFromTheQueryWhenTheBodyHasNone() {
        assertThat(ClaimRelease.from(admin("").withFallback("agent_id", "q")).agentId()).isEqualTo("q");
        assertThat(ClaimRelease.from(admin("{\"agent_id\":\"b\",\"reason\":\"r\"}")
                .withFallback("agent_id", "q"))).isEqualTo(new ClaimRelease("b", "r"));
        assertThat(detail(() -> ClaimRelease.from(admin("{}"))))
                .isEqualTo("Missing or invalid field: agent_id");
    }

    @Test
    void workRequestHasOptionalRepositoryLabelAndMilestone() {
        WorkRequest request = WorkRequest.from(admin("{\"agent_id\":\"a\",\"label\":\"bug\"}"));
        assertThat(request.repo()).isEmpty();
        assertThat(request.label()).isEqualTo("bug");
        assertThat(request.milestone()).isNull();
        assertThat(detail(() -> WorkRequest.from(admin("{\"agent_id\":\"a\",\"label\":\"x\\u0000\"}"))))
                .isEqualTo("Missing or invalid field: label");
        assertThat(detail(() -> WorkRequest.from(admin(
                "{\"agent_id\":\"a\",\"milestone\":\"" + "m".repeat(FieldLimits.MAX_ID_LENGTH + 1) + "\"}"))))
                .isEqualTo("Missing or invalid field: milestone");
    }

    @Test
    void workRequestWaitsFromZeroToSixtySeconds() {
        assertThat(WorkRequest.from(admin("{\"agent_id\":\"a\"}")).waitSeconds()).as("default").isZero();
        assertThat(WorkRequest.from(admin("{\"agent_id\":\"a\",\"wait_seconds\":0}")).waitSeconds()).isZero();
        assertThat(WorkRequest.from(admin("{\"agent_id\":\"a\",\"wait_seconds\":60}")).waitSeconds()).isEqualTo(60);
        assertThat(WorkRequest.from(adminArguments(Map.of("agent_id", "a", "wait_seconds", 5))).waitSeconds())
                .as("an MCP argument").isEqualTo(5);
        for (String bad : List.of("61", "-1", "1.5", "\"5\"", "true")) {
            assertThat(detail(() -> WorkRequest.from(admin("{\"agent_id\":\"a\",\"wait_seconds\":" + bad + "}"))))
                    .as(bad).isEqualTo("Missing or invalid field: wait_seconds");
        }
    }

    @Test
    void followupUpdateNamesAnUnknownStatus() {
        FollowupUpdate update = FollowupUpdate.from(
                admin("{\"agent_id\":\"a\",\"status\":\"dismissed\",\"note\":\"n\"}"));
        assertThat(update).isEqualTo(new FollowupUpdate("a", FollowupStatus.DISMISSED, "n"));
        Map<String, Object> finished = Map.of("agent_id", "a", "status", "finished");
        assertThat(detail(() -> FollowupUpdate.from(adminArguments(finished))))
                .isEqualTo("Invalid follow-up status: finished (argument status)");
    }

    @Test
    void claimFilterReadsTheQueryLikeToolArguments() {
        assertThat(ClaimFilter.from(JsonBody.ofQuery("agent_id", "a", "repo", "acme/w", "status", "claimed")).filter())
                .isEqualTo(new ClaimQueries.Filter("a", "acme/w", "claimed"));
        assertThat(ClaimFilter.from(adminArguments(Map.of("status", "stale"))).filter())
                .isEqualTo(new ClaimQueries.Filter(null, null, "stale"));
        assertThat(detail(() -> ClaimFilter.from(JsonBody.ofQuery("status", "bogus"))))
                .isEqualTo("Invalid claim status: bogus");
        assertThat(detail(() -> ClaimFilter.from(JsonBody.ofQuery("agent_id", "\u0000"))))
                .isEqualTo("Missing or invalid field: agent_id");
    }

    @Test
    void historyQueryPagesFromOneToTwoHundred() {
        assertThat(HistoryQuery.from(JsonBody.ofQuery()).limit()).isEqualTo(FieldLimits.DEFAULT_PAGE_SIZE);
        assertThat(HistoryQuery.from(JsonBody.ofQuery("limit", "2")).limit()).isEqualTo(2);
        for (String bad : List.of("0", "-5", "abc", "1e9", "201")) {
            assertThat(detail(() -> HistoryQuery.from(JsonBody.ofQuery("limit", bad))))
                    .isEqualTo("Missing or invalid field: limit");
        }
        assertThat(detail(() -> HistoryQuery.from(JsonBody.ofQuery("cursor", "!!!"))))
                .isEqualTo("Missing or invalid field: cursor");
        assertThat(HistoryQuery.from(JsonBody.ofQuery("agent_id", "a")).filter())
                .isEqualTo(new ClaimQueries.Filter("a", null, null));
    }

    @Test
    void followupFilterTakesAPullRequestNumber() {
        assertThat(FollowupFilter.from(JsonBody.ofQuery("pr_number", "12", "claimed_by_agent_id", "o")).filter())
                .isEqualTo(new FollowupQueries.Filter(null, null, "o", 12));
        assertThat(FollowupFilter.from(adminArguments(Map.of("pr_number", 12, "status", "queued"))).filter())
                .isEqualTo(new FollowupQueries.Filter(null, "queued", null, 12));
        assertThat(detail(() -> FollowupFilter.from(JsonBody.ofQuery("pr_number", "x"))))
                .isEqualTo("Missing or invalid field: pr_number");
        assertThat(detail(() -> FollowupFilter.from(JsonBody.ofQuery("status", "nope"))))
                .isEqualTo("Invalid follow-up status: nope");
        assertThat(detail(() -> FollowupFilter.from(JsonBody.ofQuery("claimed_by_agent_id", "a".repeat(3000)))))
                .isEqualTo("Missing or invalid field: claimed_by_agent_id");
    }

    @Test
    void issuesAreNamedByRepositoryAndNumber() {
        assertThat(IssueRef.fromPath("acme", "widgets", "3")).isEqualTo(IssueRef.from(
                adminArguments(Map.of("repo", "acme/widgets", "issue_number", 3))));
        assertThat(detail(() -> IssueRef.fromPath("acme", "widgets", "abc")))
                .isEqualTo("Missing or invalid field: number");
        assertThat(detail(() -> IssueRef.fromPath("acme", "wid/gets", "1")))
                .isEqualTo("Missing or invalid field: repo");
        assertThat(detail(() -> IssueRef.from(adminArguments(Map.of("repo", "acme/widgets")))))
                .isEqualTo("Missing or invalid field: issue_number");
        IssueListQuery list = IssueListQuery.from(
                JsonBody.ofQuery("repo", "acme/widgets", "label", "", "milestone", "V2"));
        assertThat(list.label()).isNull();
        assertThat(list.milestone()).isEqualTo("V2");
    }

    @Test
    void repositoryCountsDefaultToYes() {
        assertThat(RepoListQuery.from(JsonBody.ofQuery("include_counts", null)).includeCounts()).isTrue();
        assertThat(RepoListQuery.from(JsonBody.ofQuery("include_counts", "false")).includeCounts()).isFalse();
        assertThat(RepoListQuery.from(adminArguments(Map.of("include_counts", false))).includeCounts()).isFalse();
        assertThat(detail(() -> RepoListQuery.from(JsonBody.ofQuery("include_counts", "maybe"))))
                .isEqualTo("Missing or invalid field: include_counts");
    }

    @Test
    void documentedStatusesAreTheStatusesAccepted() {
        assertThat(List.of(schema(ClaimUpdate.class, "status").enumeration()))
                .isEqualTo(Arrays.stream(ClaimStatus.values()).map(ClaimStatus::wire).toList());
        assertThat(List.of(schema(FollowupUpdate.class, "status").enumeration()))
                .isEqualTo(Arrays.stream(FollowupStatus.values()).map(FollowupStatus::wire).toList());
    }

    @Test
    void documentedRequiredFieldsAreTheFieldsThatMustBeThere() {
        assertThat(required(ClaimRequest.class)).containsExactly("agent_id", "issue_number", "repo");
        assertThat(required(ClaimUpdate.class)).containsExactly("agent_id", "status");
        assertThat(required(ClaimRelease.class)).as("agent_id may come from the query").isEmpty();
        assertThat(required(AgentRequest.class)).containsExactly("agent_id");
        assertThat(required(WorkRequest.class)).containsExactly("agent_id");
        assertThat(required(FollowupUpdate.class)).containsExactly("agent_id", "status");
        assertThat(detail(() -> WorkRequest.from(admin("{}"))))
                .isEqualTo("Missing or invalid field: agent_id");
        assertThat(FollowupUpdate.from(admin("{\"agent_id\":\"a\",\"status\":\"done\"}")).note()).isNull();
        assertThat(Optional.ofNullable(schema(ClaimRequest.class, "agent_id").maxLength()))
                .contains(FieldLimits.MAX_ID_LENGTH);
    }

    private static Schema schema(Class<? extends Record> type, String field) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getAccessor().getAnnotation(Schema.class))
                .filter(s -> s.name().equals(field)).findFirst().orElseThrow();
    }

    private static Set<String> required(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Schema schema = component.getAccessor().getAnnotation(Schema.class);
            if (schema.required()) {
                names.add(schema.name());
            }
        }
        return names;
    }

    /** A body sent with the shared key, which names the agent it acts for. */
    private static JsonBody admin(String text) {
        return JsonBody.parse(text).sentBy(Caller.ADMIN);
    }

    private static JsonBody adminArguments(Map<String, ?> arguments) {
        return JsonBody.ofArguments(new java.util.HashMap<String, Object>(arguments)).sentBy(Caller.ADMIN);
    }
}
