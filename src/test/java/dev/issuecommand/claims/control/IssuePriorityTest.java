package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.github.GitHubIssue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IssuePriorityTest {

    private static GitHubIssue issue(int number, String createdAt, String... labels) {
        return new GitHubIssue("acme/widgets", number, "Issue " + number, null, "open", "u", List.of(labels), List.of(),
                null, "octocat", createdAt, createdAt, false, null);
    }

    @Test
    void everyCriticalLabelScoresZeroAndHighLabelsOne() {
        for (String label : List.of("p0", "priority:critical", "priority/high", "high", "severity:critical", "sev:1")) {
            assertThat(IssuePriority.score(List.of(label))).as(label).isZero();
        }
        for (String label : List.of("p1", "priority:high", "priority/medium", "medium", "sev:2")) {
            assertThat(IssuePriority.score(List.of(label))).as(label).isEqualTo(1);
        }
        assertThat(IssuePriority.score(List.of("bug", "p2", "low"))).isEqualTo(2);
        assertThat(IssuePriority.score(List.of())).isEqualTo(2);
    }

    @Test
    void labelsAreTrimmedAndCaseInsensitiveAndTheBestLabelWins() {
        assertThat(IssuePriority.score(List.of("  P0 "))).isZero();
        assertThat(IssuePriority.score(List.of("Priority:High"))).isEqualTo(1);
        assertThat(IssuePriority.score(List.of("medium", "bug", "SEV:1"))).isZero();
    }

    @Test
    void priorityFirstThenOldestThenLowestNumber() {
        List<GitHubIssue> sorted = Stream.of(
                        issue(1, "2026-01-01T00:00:00Z", "bug"),
                        issue(2, "2026-03-01T00:00:00Z", "p0"),
                        issue(3, "2026-02-01T00:00:00Z", "medium"),
                        issue(4, "2026-01-15T00:00:00Z", "High"),
                        issue(5, "2025-12-01T00:00:00Z"),
                        issue(6, "2026-02-01T00:00:00Z", "sev:2"),
                        issue(7, "2026-01-20T00:00:00Z", "p1"))
                .sorted(IssuePriority.ORDER).toList();
        assertThat(sorted).extracting(GitHubIssue::number).containsExactly(4, 2, 7, 3, 6, 5, 1);
    }
}
