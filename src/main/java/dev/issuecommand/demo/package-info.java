/**
 * The demo mode (docs/behaviour.md §16): IssueCommand without GitHub, for a first look. Only active when
 * {@code Settings.demo()} is true; otherwise nothing here is scheduled or called.
 * <p>
 * What it owns:
 * <ul>
 * <li>{@code control.DemoGitHub}: the in-process stand-in that answers every request of the {@code github} client
 * (through {@code github.GitHubStandIn}) from {@code control.DemoBacklog}, three repositories of issues kept in
 * memory, a new issue every minute or so.</li>
 * <li>{@code control.DemoCrew}: simulated agents on the managed scheduler, each calling the same facades as the HTTP
 * API and MCP ({@code NextWork}, {@code Claims}, {@code Followups}) as itself, and review feedback fed through
 * {@code WebhookIngest} as if GitHub had delivered it.</li>
 * <li>{@code control.DemoHistory}: finished claims of the last 24 hours for a fresh demo database, made by the
 * {@code Claim} entity's own moves.</li>
 * </ul>
 * It must not bypass the facades (no SQL of its own, no events of its own), touch the dashboard or reach the network.
 */
package dev.issuecommand.demo;
