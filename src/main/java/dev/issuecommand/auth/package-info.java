/**
 * Who may call: {@code BearerAuthFilter} requires {@code Authorization: Bearer <API_KEY>} on {@code /api} and
 * {@code /sse} (leaving the webhook path to the webhook filter), {@code ApiKey} compares keys in constant time and
 * turns a presented token into the principal key (a hash, never the token), and {@code BodySizeLimitFilter} refuses
 * bodies over 1 MiB with 413 (docs/behaviour.md §8). It imports only {@code config} and {@code problems}; rate limits,
 * MCP and webhooks use {@code ApiKey}, never the other way round.
 */
package dev.issuecommand.auth;
