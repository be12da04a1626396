/**
 * Quarantine (docs/behaviour.md §17): issues whose claims keep ending stale or auto-released are set aside.
 * {@code entity} holds the strike and quarantine rows and the rule that counts strikes; {@code control} the facade
 * that records strikes (called from the claim facade's one path of changes), answers what is quarantined and releases
 * it (by request, webhook or sync); {@code boundary} the HTTP routes. It records its events through {@code events}
 * and is called by {@code claims}, {@code webhooks} and {@code mcp}; the boundary uses the claim feature's
 * repository policy. It must not change claims or follow-ups, nor call GitHub: the sync and the webhooks bring what
 * GitHub says.
 */
package dev.issuecommand.quarantine;
