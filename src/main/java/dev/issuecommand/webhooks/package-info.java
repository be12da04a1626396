/**
 * GitHub webhook ingestion (docs/behaviour.md §7): authentication, delivery dedupe, and the event → follow-up mapping.
 *
 * <p>Design decisions:
 * <ul>
 * <li>The path is a runtime setting ({@code WEBHOOK_PATH}), so a {@code @PreMatching} request filter answers it
 * instead of a resource with a constant {@code @Path}; it reads the raw body bytes for the HMAC.</li>
 * <li>Either credential suffices: exactly {@code Authorization: Bearer <API_KEY>}, or a valid
 * {@code X-Hub-Signature-256} (never valid while {@code GITHUB_WEBHOOK_SECRET} is empty). A presented but wrong
 * signature is {@code invalid_signature}; no signature and no key is {@code missing_valid_signature_or_api_key}.</li>
 * <li>One write transaction records the delivery id, applies the follow-up change and appends
 * {@code webhook.received} plus the follow-up events; the answer is sent after the commit, so an accepted delivery
 * is never lost. Ignored deliveries are recorded too, so a redelivery of anything answers {@code duplicate}.</li>
 * <li>Deliveries without {@code X-GitHub-Delivery} are processed without delivery dedupe (source event dedupe still
 * applies). Duplicates append no event.</li>
 * <li>{@code ALLOWED_REPOS} applies: a delivery for another repository is ignored with reason
 * {@code repository_not_allowed}, as {@code claims.control.RepositoryPolicy} decides.</li>
 * <li>Comments and reviews written by the token's own login do not queue; the login is learned from
 * {@code GET /user} in the background and, while GitHub is unreachable, nothing is filtered.</li>
 * </ul>
 */
package dev.issuecommand.webhooks;
