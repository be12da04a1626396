/**
 * The one error shape: problem+json with the compatible members (docs/behaviour.md §8), and the exception mappers.
 *
 * <p>Where each rule lives:
 * <ul>
 * <li>{@link dev.issuecommand.problems.Reason} is the one list of refusal reasons, each with its wire name and HTTP
 * status; claim, follow-up and next-work results carry it as {@link dev.issuecommand.problems.OperationResult}s,
 * {@link dev.issuecommand.problems.ResultResponses} is the one place that answers such a result over HTTP (200, or
 * the refusal as problem+json with its owner and claim), MCP shows it as {@code reason} in an {@code ok:false}
 * result.</li>
 * <li>{@link dev.issuecommand.problems.Refusal} is a refusal as a value; a read that has no result to carry it
 * throws it as an {@link dev.issuecommand.problems.ApiException} (problem+json over HTTP, a tool error over MCP).</li>
 * <li>Request checks ({@code dev.issuecommand.requests}) throw {@link dev.issuecommand.problems.ApiException} with a
 * 400 naming the field ("Missing or invalid field: issue_number").</li>
 * <li>A catch-all maps anything unexpected to 500 with a correlation id in the log and no exception text in the
 * body.</li>
 * </ul>
 * This package knows no feature's rules: it only shapes answers.
 */
package dev.issuecommand.problems;
