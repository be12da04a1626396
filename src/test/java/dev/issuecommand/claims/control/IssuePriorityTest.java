package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.github.GitHubIssue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuePriorityTest {

    private static GitHubIssue issue(int number, String createdAt, String... labels) {
        return new GitHubIssue("a/b", number, "t", null, "open", "", List.of(labels), List.of(), null, null,
                createdAt, null, false, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p0", "priority:critical", "priority/high", "high", "severity:critical", "sev:1", " P0 "})
    void criticalLabelsScoreZero(String label) {
        assertThat(IssuePriority.score(List.of("docs", label))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p1", "priority:high", "priority/medium", "medium", "sev:2", "Medium"})
    void highLabelsScoreOne(String label) {
        assertThat(IssuePriority.score(List.of(label))).isEqualTo(1);
    }

    @Test
    void otherLabelsScoreTwo() {
        assertThat(IssuePriority.score(List.of("bug", "p2", "low"))).isEqualTo(2);
    }

    @Test
    void ordersByPriorityThenAge() {
        List<GitHubIssue> sorted = Stream.of(
                        issue(1, "2026-01-01T00:00:00Z"),
                        issue(2, "2026-03-01T00:00:00Z", "p1"),
                        issue(3, "2026-02-01T00:00:00Z", "sev:1"),
                        issue(4, "2026-01-15T00:00:00Z", "medium"),
                        issue(5, "2025-12-01T00:00:00Z"))
                .sorted(IssuePriority.ORDER).toList();
        assertThat(sorted).extracting(GitHubIssue::number).containsExactly(3, 4, 2, 5, 1);
    }
}
