/**
 * Requests: one record per operation, shared by the HTTP route and the MCP tool that perform it, and the binder that
 * reads them.
 * <p>
 * Each record declares its fields once, in its {@code from} method, each with one rule of {@link
 * dev.issuecommand.requests.JsonBody} (required or optional, identifier, free text, URL, repository, positive
 * number, flag, one of a closed set). The JAX-RS resources hand it the parsed body (or their query and path
 * parameters, {@code JsonBody.ofQuery}); the MCP tools hand it the call's arguments ({@code JsonBody.ofArguments}).
 * A bad field is an {@code ApiException} whose detail names it, which the HTTP side answers as problem+json and the
 * MCP side as a tool error. The records of request bodies carry the MicroProfile OpenAPI {@code @Schema}
 * annotations from which the build writes their schemas; the limits live in {@link
 * dev.issuecommand.requests.FieldLimits}, which the MCP input schemas use too.
 * <p>
 * This package reads and checks input only: it decides no claim or follow-up rule and touches neither the database
 * nor GitHub. The one rule beyond a field's shape is what an agent key may be issued with
 * ({@code AgentKeyRequest.refused}: repositories the allow-list admits, an expiry in the future), for the admin route
 * and the {@code agents} command line alike; the allow-list's test is handed to it by its caller.
 */
package dev.issuecommand.requests;
