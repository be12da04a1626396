package dev.issuecommand.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.web.ClasspathFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SwaggerUiFilesTest {

    final SwaggerUiFiles files = new SwaggerUiFiles(SwaggerUiFilesTest.class.getClassLoader());

    @Test
    void ourPageAndInitializerReplaceTheWebJarsDemo() throws IOException {
        assertThat(text("index.html")).contains("<title>IssueCommand API</title>")
                .contains("src=\"swagger-initializer.js\"").doesNotContain("<script>");
        assertThat(text("swagger-initializer.js")).contains("url: '../../openapi'")
                .doesNotContain("petstore");
        assertThat(files.find("index.html").orElseThrow().contentType()).isEqualTo("text/html; charset=UTF-8");
    }

    @Test
    void swaggerUisOwnFilesComeFromTheWebJar() throws IOException {
        ClasspathFile bundle = files.find("swagger-ui-bundle.js").orElseThrow();
        assertThat(bundle.location().toString()).contains("META-INF/resources/webjars/swagger-ui/");
        assertThat(bundle.contentType()).isEqualTo("text/javascript; charset=UTF-8");
        assertThat(bundle.length()).isGreaterThan(100_000);
        assertThat(bundle.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(files.find("swagger-ui.css").orElseThrow().contentType()).startsWith("text/css");
        assertThat(files.find("favicon-32x32.png").orElseThrow().contentType()).isEqualTo("image/png");
    }

    @Test
    void onlyPlainNamesOfServedTypesAreLookedUp() throws IOException {
        assertThat(files.find("../ui/index.html")).isEmpty();
        assertThat(files.find("ui/index.html")).isEmpty();
        assertThat(files.find(".index.html")).isEmpty();
        assertThat(files.find("index..html")).isEmpty();
        assertThat(files.find("swagger-ui-bundle.js.LICENSE.txt")).as("not a served type").isEmpty();
        assertThat(files.find("ClasspathFile.class")).isEmpty();
        assertThat(files.find("nothing.js")).isEmpty();
    }

    private String text(String name) throws IOException {
        try (InputStream in = files.find(name).orElseThrow().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
