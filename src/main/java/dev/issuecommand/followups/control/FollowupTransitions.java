package dev.issuecommand.followups.control;

import static dev.issuecommand.followups.entity.FollowupStatus.CLAIMED;
import static dev.issuecommand.followups.entity.FollowupStatus.DISMISSED;
import static dev.issuecommand.followups.entity.FollowupStatus.DONE;
import static dev.issuecommand.followups.entity.FollowupStatus.IN_PROGRESS;
import static dev.issuecommand.followups.entity.FollowupStatus.QUEUED;
import static dev.issuecommand.followups.entity.FollowupStatus.STALE;

import dev.issuecommand.followups.entity.FollowupStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The follow-up status transition table of docs/behaviour.md §7; anything not listed is {@code invalid_transition}. */
public final class FollowupTransitions {

    private static final Map<FollowupStatus, Set<FollowupStatus>> ALLOWED = new EnumMap<>(FollowupStatus.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(CLAIMED, IN_PROGRESS, DONE, DISMISSED, STALE));
        ALLOWED.put(CLAIMED, EnumSet.of(IN_PROGRESS, DONE, DISMISSED, STALE));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(DONE, DISMISSED, STALE));
        ALLOWED.put(STALE, EnumSet.of(CLAIMED, IN_PROGRESS, DONE, DISMISSED));
        ALLOWED.put(DONE, EnumSet.noneOf(FollowupStatus.class));
        ALLOWED.put(DISMISSED, EnumSet.noneOf(FollowupStatus.class));
    }

    private FollowupTransitions() {
    }

    public static boolean allowed(FollowupStatus from, FollowupStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The statuses reachable from {@code from}, sorted by wire name, for error messages. */
    public static String describeFrom(FollowupStatus from) {
        String names = String.join(", ", ALLOWED.get(from).stream().map(FollowupStatus::wire).sorted().toList());
        return names.isEmpty() ? "none (terminal)" : names;
    }
}
