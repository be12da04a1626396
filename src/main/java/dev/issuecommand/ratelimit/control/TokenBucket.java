package dev.issuecommand.ratelimit.control;

/** A token bucket: starts full at {@code burst}, refills continuously at {@code perMinute / 60} tokens a second. */
public final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int burst, int perMinute, long nowNanos) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Nanoseconds until one token is available; 0 when one is available now. */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Takes one token; call only after {@link #nanosUntilToken} said 0. */
    public void take() {
        tokens -= 1;
    }

    /** True when the bucket has refilled completely: forgetting it changes nothing. */
    public boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        if (nowNanos > refilledAt) {
            tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * tokensPerNano);
            refilledAt = nowNanos;
        }
    }
}
