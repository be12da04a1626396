/**
 * Claims: an agent's exclusive hold on a GitHub issue, from claiming to closing (docs/behaviour.md §4–§6, §8).
 *
 * <p>Where each rule lives:
 * <ul>
 * <li>The claim's life is the {@code entity.Claim} entity's: its transition table, the agent's status change and
 * heartbeat (ownership checked there, once), and the system's moves (mark stale, auto-release, close externally,
 * refresh metadata). Each answers a refusal or applies the change, and names the event to record
 * ({@code entity.Move}).</li>
 * <li>{@code control.Claims} is the one path that loads a claim, asks it and records the event in the same write
 * transaction ({@code Claims.settle}), then trims the history when the claim ended; agents' calls,
 * {@code control.StaleSweep} and {@code control.GitHubSync} all go through it.</li>
 * <li>When a claim is due for the stale rules is {@code control.StaleSweepPolicy}'s (time only); which issue
 * {@code next_issue} picks is {@code control.IssuePicker}'s and {@code control.IssuePriority}'s.</li>
 * <li>The repository allow-list ({@code ALLOWED_REPOS}) is {@code control.RepositoryPolicy}'s: allowed or not, which
 * repositories are in scope, and the one refusal ({@code invalid_repo}, 403). Claims, next issue and next work,
 * webhooks, the repository and issue routes and the MCP tools ask it.</li>
 * <li>Exclusivity: the database decides. A partial unique index allows one active claim per issue, writes are
 * serialized by the write lock, so it holds across processes sharing the file.</li>
 * <li>Refusal reasons and their HTTP statuses are {@code problems.Reason}; an issue GitHub does not have is
 * {@code invalid_issue} (404), decided in {@code Claims.claim} for HTTP and MCP alike.</li>
 * <li>Claims mirrored on GitHub (docs/behaviour.md §19): {@code Claims.claimIssue} and {@code Claims.settle}, the two
 * places every claim change goes through, hand the claim's shown state to {@code mirror.control.MirrorOutbox} in the
 * change's own transaction; the mirror sends it later, so no claim answer waits for GitHub.</li>
 * </ul>
 * This package must not touch MCP, SSE or follow-ups; it reaches GitHub only through the {@code github} client.
 */
package dev.issuecommand.claims;
