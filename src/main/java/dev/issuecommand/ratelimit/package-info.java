/**
 * HTTP rate limiting (docs/behaviour.md §11), in memory, per process.
 *
 * <p>Design decisions:
 * <ul>
 * <li>A tiny token bucket of our own ({@link dev.issuecommand.ratelimit.control.TokenBucket}): it starts full at
 * the burst and refills continuously at {@code per_minute / 60} tokens a second, on the monotonic clock.</li>
 * <li>Three tables of buckets: client IP for every {@code /api} route and the webhook path, client IP for
 * {@code /sse} connection attempts, and one shared by principals and agents for the mutation routes. A mutation
 * takes one token from the principal's bucket and one from the {@code agent_id}'s bucket, both or neither.</li>
 * <li>The IP check runs before authentication (so failed logins are throttled too); the mutation check runs after
 * it, because it needs the principal, which is a hash of the bearer token, never the token.</li>
 * <li>Tables are bounded: least recently used buckets beyond the limit are dropped, and buckets idle long enough to
 * be full again are pruned (a full bucket is the same as none).</li>
 * <li>The client IP is the socket address; only with {@code TRUST_PROXY=true} the first {@code X-Forwarded-For}
 * entry, then {@code X-Real-IP}.</li>
 * </ul>
 */
package dev.issuecommand.ratelimit;
