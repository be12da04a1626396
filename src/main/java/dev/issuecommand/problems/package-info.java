/**
 * The one HTTP error shape (docs/behaviour.md §8): {@code Problem} (problem+json with the compatible members),
 * {@code ResultResponses} (refusal reason → HTTP status), {@code ApiException} (what request checks in
 * {@code dev.issuecommand.requests} throw, e.g. 400 "Missing or invalid field: …"), and the exception mappers, whose last
 * resort ({@code CatchAllExceptionMapper}, {@code InternalErrors}) answers 500 with a correlation id and no
 * exception text. It imports {@code config}, {@code logging} and {@code github}'s two exceptions (for 404 and
 * 502/503); reasons are plain strings here, so it never imports {@code claims} or {@code followups}.
 */
package dev.issuecommand.problems;
