package dev.issuecommand.ratelimit.entity;

/** The answer of a rate-limit check: allowed, or denied in {@code scope} with the whole seconds to wait (≥ 1). */
public record Verdict(boolean allowed, String scope, int retryAfterSeconds) {

    public static final String IP = "ip";
    public static final String AGENT_MUTATION = "agent_mutation";
    public static final String SSE_CONNECT = "sse_connect";

    private static final Verdict ALLOWED = new Verdict(true, null, 0);

    public static Verdict allow() {
        return ALLOWED;
    }

    /** Denied in {@code scope}; {@code waitNanos} is rounded up to whole seconds, at least one. */
    public static Verdict denied(String scope, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new Verdict(false, scope, (int) Math.min(Integer.MAX_VALUE, seconds));
    }
}
