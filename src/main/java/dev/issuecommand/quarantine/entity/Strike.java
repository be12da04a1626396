package dev.issuecommand.quarantine.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A strike: a claim released while stale (also by the auto-release); keyed by the claim, which ends once. */
@Entity
@Table(name = "quarantine_strikes")
public class Strike {

    @Id
    @Column(name = "claim_id")
    private String claimId;

    @Column(name = "issue_key", nullable = false)
    private String issueKey;

    @Column(name = "struck_at", nullable = false)
    private long struckAt;

    protected Strike() {
    }

    public Strike(String claimId, String issueKey, long struckAt) {
        this.claimId = claimId;
        this.issueKey = issueKey;
        this.struckAt = struckAt;
    }
}
