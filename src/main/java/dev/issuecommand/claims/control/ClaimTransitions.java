package dev.issuecommand.claims.control;

import static dev.issuecommand.claims.entity.ClaimStatus.CLAIMED;
import static dev.issuecommand.claims.entity.ClaimStatus.CLOSED;
import static dev.issuecommand.claims.entity.ClaimStatus.IN_PROGRESS;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_MERGED;
import static dev.issuecommand.claims.entity.ClaimStatus.PR_SUBMITTED;
import static dev.issuecommand.claims.entity.ClaimStatus.RELEASED;
import static dev.issuecommand.claims.entity.ClaimStatus.STALE;

import dev.issuecommand.claims.entity.ClaimStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The claim status transition table of docs/behaviour.md §4; anything not listed is {@code invalid_transition}. */
public final class ClaimTransitions {

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED = new EnumMap<>(ClaimStatus.class);

    static {
        ALLOWED.put(CLAIMED, EnumSet.of(IN_PROGRESS, RELEASED, STALE));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(PR_SUBMITTED, RELEASED, STALE));
        ALLOWED.put(PR_SUBMITTED, EnumSet.of(PR_MERGED, RELEASED, STALE));
        ALLOWED.put(PR_MERGED, EnumSet.of(CLOSED, RELEASED, STALE));
        ALLOWED.put(STALE, EnumSet.of(IN_PROGRESS, RELEASED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(ClaimStatus.class));
        ALLOWED.put(RELEASED, EnumSet.noneOf(ClaimStatus.class));
    }

    private ClaimTransitions() {
    }

    public static boolean allowed(ClaimStatus from, ClaimStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The statuses reachable from {@code from}, for error messages. */
    public static Set<ClaimStatus> from(ClaimStatus from) {
        return Set.copyOf(ALLOWED.get(from));
    }
}
