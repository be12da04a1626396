/**
 * Pull-request follow-ups: review feedback turned into work an agent picks up (docs/behaviour.md §4 next_work,
 * §5, §7).
 *
 * <p>Design decisions:
 * <ul>
 * <li>Where the rules live: the {@code entity.Followup} entity owns its transition table, the agent's status change
 * with the ownership rules below, and the system's moves (claimed for {@code next_work}, mark stale, resolved by a
 * push); each answers a refusal or applies the change and names its event. {@code control.Followups.settle} is the one
 * path that asks it and records the event in the same write transaction, for agents, {@code next_work}, the webhook
 * and the stale sweep alike. Refusal reasons are {@code problems.Reason}; the repository allow-list of
 * {@code next_work} is {@code claims.control.RepositoryPolicy}'s.</li>
 * <li>One table {@code followups} holds the active queue ({@code active = 1}) and the history ({@code done},
 * {@code dismissed}), like claims; history is trimmed by count to {@code FOLLOWUP_MAX_ENTRIES}, oldest first.</li>
 * <li>{@code followup_sources} remembers every {@code source_event_id} that ever queued a follow-up and is never
 * trimmed: a review or comment queues at most once, across restarts and history trimming.</li>
 * <li>Ownership: an item nobody owns may only move to {@code claimed} or {@code in_progress}, which makes the asking
 * agent its owner; a different owner gets {@code agent_mismatch}. A {@code stale} item is up for grabs: another agent
 * may take it over by moving it to {@code claimed} or {@code in_progress} (the same thing {@code next_work} does).</li>
 * <li>Refusals: unknown id → {@code work_item_not_found} (404); an ended item asked for another status → also
 * {@code work_item_not_found}, like an ended claim; asking for the current status → {@code idempotent:true}.</li>
 * <li>{@code next_work} reserves a follow-up on a PR whose {@code pr_url} belongs to an active, non-stale claim for
 * that claim's agent (see {@link dev.issuecommand.followups.control.FollowupPicker}).</li>
 * <li>Events: {@code followup.claimed} whenever an item gains a new owner, else by status ({@code followup.done},
 * {@code followup.dismissed}, {@code followup.stale}, {@code followup.updated}); always in the same transaction.</li>
 * <li>The stale sweep runs on a managed scheduled executor every quarter of {@code FOLLOWUP_STALE_MINUTES}
 * (between 1 s and 60 s); every process sharing the database may run it, each sweep is one transaction.</li>
 * </ul>
 */
package dev.issuecommand.followups;
