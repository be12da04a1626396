package dev.issuecommand.ratelimit.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Buckets of one kind by key, bounded: the least recently used beyond {@code maxKeys} are dropped, and idle ones
 * that have refilled completely are pruned as the table is used.
 */
public final class BucketTable {

    private static final int PRUNE_PER_CALL = 8;

    private final int burst;
    private final int perMinute;
    private final int maxKeys;
    private final LinkedHashMap<String, TokenBucket> buckets;

    public BucketTable(int burst, int perMinute, int maxKeys) {
        this.burst = burst;
        this.perMinute = perMinute;
        this.maxKeys = maxKeys;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > BucketTable.this.maxKeys;
            }
        };
    }

    /**
     * Takes one token from each bucket named in {@code keys}, all or none. Returns 0 when taken, otherwise the
     * nanoseconds until every one of them has a token.
     */
    public synchronized long tryTake(List<String> keys, long nowNanos) {
        prune(nowNanos);
        long wait = 0;
        for (String key : keys) {
            TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perMinute, nowNanos));
            wait = Math.max(wait, bucket.nanosUntilToken(nowNanos));
        }
        if (wait > 0) {
            return wait;
        }
        for (String key : keys) {
            buckets.get(key).take();
        }
        return 0;
    }

    public synchronized int size() {
        return buckets.size();
    }

    /** Drops the least recently used buckets while they have refilled completely. */
    private void prune(long nowNanos) {
        Iterator<TokenBucket> eldest = buckets.values().iterator();
        for (int i = 0; i < PRUNE_PER_CALL && eldest.hasNext(); i++) {
            if (!eldest.next().full(nowNanos)) {
                return;
            }
            eldest.remove();
        }
    }
}
