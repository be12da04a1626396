/**
 * Claims mirrored on GitHub (docs/behaviour.md §19): with {@code GITHUB_CLAIM_MIRROR} on, each claim keeps one
 * comment on its issue, edited as the claim changes, and/or a label while it is active.
 * <p>
 * Design decisions:
 * <ul>
 * <li>A durable outbox ({@code claim_mirror}, one row per claim with the latest state and a version): the claim facade
 * calls {@link dev.issuecommand.mirror.control.MirrorOutbox#record} in the write transaction of every claim change, so
 * the change and the wish to show it commit together; a burst of changes is one row, sent once.</li>
 * <li>{@link dev.issuecommand.mirror.control.MirrorWorker} sends rows on the managed scheduler, never on a request:
 * a claim answer never waits for GitHub, and GitHub failing never fails a claim. Each row is sent under a lease
 * taken by a conditional update and renewed before every write, so processes sharing the database never send one row
 * twice at once; failures back off exponentially; a rate limit ends the round.</li>
 * <li>The comment carries a hidden marker naming the claim; when its id was never recorded (a crash after GitHub
 * created it), the sender finds it by the marker and edits it instead of writing a second one. Creating a comment is
 * the one GitHub call sent once, never retried by the transport.</li>
 * <li>A 403 or 404 on a write parks the row (not sent again) with one warning per repository per process.</li>
 * <li>Owns the table {@code claim_mirror} and the runtime values {@code github_mirror_last_error(_at)}. Imports
 * {@code github}, {@code store}, {@code logging} and the settings; it must not import {@code claims} or
 * {@code metrics} (which import it; sends reach the metrics as a CDI event) and nothing of GitHub's JSON reaches
 * it.</li>
 * </ul>
 */
package dev.issuecommand.mirror;
