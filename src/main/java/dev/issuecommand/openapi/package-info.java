/**
 * The API description: {@code GET /openapi} and the browsable UI at {@code /openapi/ui/}.
 *
 * <p>Design decisions:
 * <ul>
 * <li>The OpenAPI document is built with the application, not at start-up: the smallrye-open-api-maven-plugin
 * merges the MicroProfile OpenAPI annotations of the JAX-RS resources with {@code META-INF/openapi.yaml} and writes
 * {@code META-INF/openapi/openapi.yaml} and {@code .json} into the classes; the server only sends those files.</li>
 * <li>Both are servlets, so the JAX-RS filters (API key, rate limits) never see them: they are public like
 * everything outside {@code /api} and {@code /sse}.</li>
 * <li>Files are streamed from the class path on every request; only their size and ETag are kept, so the UI's
 * scripts (about 2 MB) cost no heap.</li>
 * </ul>
 */
package dev.issuecommand.openapi;
