package dev.issuecommand.mirror.control;

/**
 * How long the mirror waits before sending a row again after GitHub failed it (docs/behaviour.md §19): 5 s after the
 * first failure, doubling with each further one, at most 15 minutes; never sooner than GitHub's own
 * {@code Retry-After}.
 */
final class Backoff {

    static final long FIRST_MS = 5_000;
    static final long MAX_MS = 15 * 60_000;

    private Backoff() {
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first), given GitHub's retry-after if any. */
    static long delayMs(int failures, Integer retryAfterSeconds) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 20);
        long delay = Math.min(MAX_MS, FIRST_MS << doublings);
        return retryAfterSeconds == null ? delay : Math.max(delay, retryAfterSeconds * 1000L);
    }
}
