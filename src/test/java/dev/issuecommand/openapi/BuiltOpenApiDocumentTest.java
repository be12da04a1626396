package dev.issuecommand.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
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

    private static JsonNode read(OpenApiFormat format, ObjectMapper mapper) throws IOException {
        try (InputStream in = BuiltOpenApiDocumentTest.class.getClassLoader().getResourceAsStream(format.resource)) {
            assertThat(in).as(format.resource + " (written by ./mvnw process-classes)").isNotNull();
            return mapper.readTree(in);
        }
    }
}
