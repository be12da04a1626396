package dev.issuecommand.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiFormatTest {

    @Test
    void yamlUnlessJsonIsAskedFor() {
        assertThat(OpenApiFormat.requested(null, null)).isEqualTo(OpenApiFormat.YAML);
        assertThat(OpenApiFormat.requested(null, "text/html")).isEqualTo(OpenApiFormat.YAML);
        assertThat(OpenApiFormat.requested(null, "application/json")).isEqualTo(OpenApiFormat.JSON);
        assertThat(OpenApiFormat.requested(null, "Application/JSON, */*;q=0.8")).isEqualTo(OpenApiFormat.JSON);
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(OpenApiFormat.requested("JSON", null)).isEqualTo(OpenApiFormat.JSON);
        assertThat(OpenApiFormat.requested("json", "application/yaml")).isEqualTo(OpenApiFormat.JSON);
        assertThat(OpenApiFormat.requested("YAML", "application/json")).isEqualTo(OpenApiFormat.YAML);
        assertThat(OpenApiFormat.requested("xml", "application/json")).as("unknown: Accept decides")
                .isEqualTo(OpenApiFormat.JSON);
    }
}
