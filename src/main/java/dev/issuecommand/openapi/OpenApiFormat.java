package dev.issuecommand.openapi;

import java.util.Locale;

/** The two serializations of the OpenAPI document, and which one a request asks for. */
enum OpenApiFormat {
    YAML("META-INF/openapi/openapi.yaml"),
    JSON("META-INF/openapi/openapi.json");

    /** Where the build put the document in this format (see the smallrye-open-api-maven-plugin in pom.xml). */
    final String resource;

    OpenApiFormat(String resource) {
        this.resource = resource;
    }

    /** {@code ?format=JSON} or {@code YAML} (any case) decides; else JSON when Accept names application/json. */
    static OpenApiFormat requested(String formatParameter, String accept) {
        if (formatParameter != null) {
            for (OpenApiFormat format : values()) {
                if (format.name().equalsIgnoreCase(formatParameter.strip())) {
                    return format;
                }
            }
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json") ? JSON : YAML;
    }
}
