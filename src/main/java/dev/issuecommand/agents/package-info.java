/**
 * Agent keys (docs/behaviour.md §14): the administrator issues, lists and revokes one key per agent, and every request
 * that presents one is checked against the stored row, so a revoked key is refused at once by every process sharing
 * the database.
 *
 * <p>Where each rule lives:
 * <ul>
 * <li>A key's own rules are {@code entity.AgentKey}'s: how a key is made and hashed (only the hash and a prefix are
 * stored), when it has expired, what it permits ({@code auth.Caller}), how it is shown, and the event each change
 * records ({@code AgentKey.changed}).</li>
 * <li>What may be issued is {@code requests.AgentKeyRequest.refused}'s, for the HTTP route and the command line alike:
 * repositories within {@code ALLOWED_REPOS} (whose membership test is {@code Settings.allowListAdmits}), an expiry in
 * the future.</li>
 * <li>{@code control.AgentKeys} keeps the keys through JPA in the server and answers {@code auth.AgentKeyLookup};
 * {@code control.AgentKeyTable} does the same changes with plain JDBC for {@code java -jar issuecommand.jar agents},
 * which runs without Liberty.</li>
 * <li>{@code boundary} holds the admin routes ({@code /api/admin/agents}, API key only) and the command line.</li>
 * </ul>
 * Who is acting on each request ({@code Caller.actingAgent}) is the {@code auth} package's rule, not this one's. This
 * package must not touch claims, follow-ups or MCP.
 */
package dev.issuecommand.agents;
