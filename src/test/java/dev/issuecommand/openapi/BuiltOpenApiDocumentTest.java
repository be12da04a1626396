package dev.issuecommand.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.HistoryPage;
import dev.issuecommand.claims.entity.RepoSummary;
import dev.issuecommand.claims.entity.StatusChange;
import dev.issuecommand.claims.entity.SyncReport;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.followups.entity.FollowupResult;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.followups.entity.SourceEventType;
import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.github.IssueComment;
import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.webhooks.entity.WebhookReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The document the build wrote into the classes: both sources merged, YAML and JSON alike. */
class BuiltOpenApiDocumentTest {

    @Test
    void annotationsAndTheStaticFileAreMerged() throws IOException {
        JsonNode document = read(OpenApiFormat.JSON, new ObjectMapper());
        assertThat(document.at("/paths/~1api~1claims/post/summary").asText()).as("from the annotations")
                .isEqualTo("Claim an issue");
        assertThat(document.at("/paths/~1api~1webhooks~1github/post/operationId").asText()).as("from openapi.yaml")
                .isEqualTo("receiveWebhook");
        assertThat(document.at("/components/schemas/Problem/properties").has("correlation_id")).isTrue();
        assertThat(document.at("/info/title").asText()).isEqualTo("IssueCommand");
        assertThat(document.at("/openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void serversAreRelativeToWhereTheDocumentIsServed() throws IOException {
        JsonNode servers = read(OpenApiFormat.JSON, new ObjectMapper()).path("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void yamlAndJsonHoldTheSameDocument() throws IOException {
        assertThat(read(OpenApiFormat.YAML, new YAMLMapper())).isEqualTo(read(OpenApiFormat.JSON, new ObjectMapper()));
    }

    /** The response records the API writes, by the schema name their {@code @Schema} gives them. */
    private static final Map<String, Class<? extends Record>> RESPONSE_RECORDS = Map.ofEntries(
            Map.entry("Claim", ClaimView.class), Map.entry("StatusChange", StatusChange.class),
            Map.entry("ClaimResult", ClaimResult.class), Map.entry("HistoryPage", HistoryPage.class),
            Map.entry("Repo", RepoSummary.class), Map.entry("SyncReport", SyncReport.class),
            Map.entry("Issue", GitHubIssue.class), Map.entry("IssueComment", IssueComment.class),
            Map.entry("Followup", FollowupView.class), Map.entry("FollowupResult", FollowupResult.class),
            Map.entry("NextWorkResult", NextWorkResult.class), Map.entry("WebhookReceipt", WebhookReceipt.class),
            Map.entry("Problem", Problem.class));

    @Test
    void responseSchemasNameTheMembersJsonbWrites() throws IOException {
        JsonNode schemas = read(OpenApiFormat.JSON, new ObjectMapper()).at("/components/schemas");
        RESPONSE_RECORDS.forEach((schema, type) -> {
            JsonNode written = parse(JsonbConfiguration.JSONB.toJson(filled(type)));
            assertThat(names(schemas.path(schema).path("properties"))).as(schema).isNotEmpty()
                    .isEqualTo(names(written));
        });
    }

    @Test
    void responseSchemasComeFromTheRecordsNotFromTheStaticFile() throws IOException {
        JsonNode handWritten;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            handWritten = new YAMLMapper().readTree(in).at("/components/schemas");
        }
        assertThat(names(handWritten)).doesNotContainAnyElementsOf(RESPONSE_RECORDS.keySet());
        JsonNode document = read(OpenApiFormat.JSON, new ObjectMapper());
        assertThat(document.at("/paths/~1api~1claims/post/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/ClaimResult");
        assertThat(document.at("/components/schemas/ClaimList/properties/claims/items/$ref").asText())
                .as("the static envelopes point at the generated schemas").isEqualTo("#/components/schemas/Claim");
    }

    @Test
    void enumeratedMembersListTheWireNamesOfTheJavaEnums() throws IOException {
        JsonNode schemas = read(OpenApiFormat.JSON, new ObjectMapper()).at("/components/schemas");
        assertThat(texts(schemas.at("/Claim/properties/status/enum")))
                .isEqualTo(Stream.of(ClaimStatus.values()).map(ClaimStatus::wire).toList());
        assertThat(texts(schemas.at("/Followup/properties/status/enum")))
                .isEqualTo(Stream.of(FollowupStatus.values()).map(FollowupStatus::wire).toList());
        assertThat(texts(schemas.at("/Followup/properties/source_event_type/enum")))
                .isEqualTo(Stream.of(SourceEventType.values()).map(SourceEventType::wire).toList());
        assertThat(texts(schemas.at("/ClaimResult/properties/reason/enum")))
                .isEqualTo(ClaimResult.REASONS.stream().map(Reason::wire).toList());
        assertThat(texts(schemas.at("/FollowupResult/properties/reason/enum")))
                .isSubsetOf(Stream.of(Reason.values()).map(Reason::wire).toList());
    }

    private static JsonNode read(OpenApiFormat format, ObjectMapper mapper) throws IOException {
        try (InputStream in = BuiltOpenApiDocumentTest.class.getClassLoader().getResourceAsStream(format.resource)) {
            assertThat(in).as(format.resource + " (written by ./mvnw process-classes)").isNotNull();
            return mapper.readTree(in);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A record with every component set, so JSON-B (which leaves nulls out) writes every member. */
    private static Object filled(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(Arrays.stream(components).map(c -> sample(c.getGenericType())).toArray());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName(), e);
        }
    }

    private static Object sample(Type type) {
        if (type instanceof ParameterizedType list) {
            return List.of(sample(list.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return filled(raw);
        }
        return "x";
    }
}
