package dev.issuecommand.claims.control;

import dev.issuecommand.github.GitHubIssue;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The order in which {@code next_issue} offers issues (docs/behaviour.md §4): priority labels first, then the oldest.
 */
public final class IssuePriority {

    private static final Set<String> P0 = Set.of("p0", "priority:critical", "priority/high", "high",
            "severity:critical", "sev:1");
    private static final Set<String> P1 = Set.of("p1", "priority:high", "priority/medium", "medium", "sev:2");

    /** Highest priority first, then oldest {@code created_at}, then lowest number. */
    public static final Comparator<GitHubIssue> ORDER = Comparator.<GitHubIssue>comparingInt(issue -> score(issue.labels()))
            .thenComparing(issue -> issue.createdAt() == null ? "" : issue.createdAt())
            .thenComparingInt(GitHubIssue::number);

    private IssuePriority() {
    }

    /** 0 for critical labels, 1 for high, 2 for everything else. */
    public static int score(GitHubIssue issue) {
        return score(issue.labels());
    }

    public static int score(List<String> labels) {
        int best = 2;
        for (String label : labels) {
            String normal = label.strip().toLowerCase(Locale.ROOT);
            if (P0.contains(normal)) {
                return 0;
            }
            if (P1.contains(normal)) {
                best = 1;
            }
        }
        return best;
    }
}
