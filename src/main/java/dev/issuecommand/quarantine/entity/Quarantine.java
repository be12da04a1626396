package dev.issuecommand.quarantine.entity;

import dev.issuecommand.github.GitHubIssue;
import dev.issuecommand.store.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * The quarantine row of one issue (docs/behaviour.md §17): quarantined while {@code released_at} is empty. The row
 * stays after a release, so the next quarantine counts only strikes made after it.
 */
@Entity
@Table(name = "quarantine")
public class Quarantine {

    @Id
    @Column(name = "issue_key")
    private String issueKey;

    @Column(name = "repo", nullable = false)
    private String repo;

    @Column(name = "issue_number", nullable = false)
    private int issueNumber;

    @Column(name = "since", nullable = false)
    private long since;

    @Column(name = "strikes", nullable = false)
    private int strikes;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "issue_updated_at")
    private String issueUpdatedAt;

    @Column(name = "released_at")
    private Long releasedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "release_reason")
    private String releaseReason;

    protected Quarantine() {
    }

    public Quarantine(String repo, int issueNumber) {
        this.issueKey = key(repo, issueNumber);
        this.repo = repo;
        this.issueNumber = issueNumber;
    }

    /** The key of an issue: its repository in lower case, {@code #} and its number. */
    public static String key(String repo, int issueNumber) {
        return GitHubIssue.key(repo, issueNumber);
    }

    /**
     * Forgets the {@code updated_at} the sync saw, after IssueCommand itself wrote to the issue (the claim mirror):
     * the sync's next look takes a new one instead of taking that write for a change by someone.
     */
    public void forgetSeenUpdate() {
        issueUpdatedAt = null;
    }

    /** Quarantines the issue (again) at {@code now} for {@code count} strikes. */
    public void begin(int count, long now) {
        since = now;
        strikes = count;
        reason = count + " claims ended stale (released while stale) within the window";
        issueUpdatedAt = null;
        releasedAt = null;
        releasedBy = null;
        releaseReason = null;
    }

    /** One more strike while quarantined. */
    public void count(int count) {
        strikes = count;
    }

    /** Ends the quarantine at {@code now}. */
    public void release(String principal, String why, long now) {
        releasedAt = now;
        releasedBy = principal;
        releaseReason = why;
    }

    /**
     * What the sync saw of the issue: whether it is among the repository's open issues, and its {@code updated_at}
     * there (ISO-8601, UTC; null when GitHub gave none). The first {@code updated_at} seen while quarantined is kept;
     * the answer is why the quarantine ends (a later one: the issue changed; not open: it was closed), or empty.
     */
    public Optional<String> seenOnGitHub(boolean open, String updatedAt) {
        if (!open) {
            return Optional.of("issue no longer open on GitHub");
        }
        if (updatedAt == null) {
            return Optional.empty();
        }
        if (issueUpdatedAt == null) {
            issueUpdatedAt = updatedAt;
            return Optional.empty();
        }
        return updatedAt.compareTo(issueUpdatedAt) > 0 ? Optional.of("issue changed on GitHub") : Optional.empty();
    }

    public boolean active() {
        return releasedAt == null && since > 0;
    }

    public Long releasedAt() {
        return releasedAt;
    }

    public String repo() {
        return repo;
    }

    public int issueNumber() {
        return issueNumber;
    }

    public QuarantineView view() {
        return new QuarantineView(repo, issueNumber, strikes, Timestamps.iso(since), reason);
    }
}
