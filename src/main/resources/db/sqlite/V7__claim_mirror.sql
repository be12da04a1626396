-- IssueCommand schema, version 7: the outbox of claims mirrored on GitHub (docs/behaviour.md §19). One row per claim
-- holds the latest state to show on GitHub, written in the claim change's own transaction; version counts the changes
-- and sent_version the one GitHub last confirmed, so a burst of changes is sent as one. A process sends a row only
-- while it holds the row's lease (lease_owner, lease_until). comment_id is the claim's comment once known; label_on
-- is whether the label was last confirmed added (1) or removed (0), null when unknown. A parked row is not sent: its
-- repository refused the write. Rows of ended claims are deleted once sent.
CREATE TABLE IF NOT EXISTS claim_mirror (
    claim_id        TEXT    PRIMARY KEY,
    repo            TEXT    NOT NULL,
    issue_number    INTEGER NOT NULL,
    agent_id        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    pr_url          TEXT,
    active          INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    sent_version    INTEGER NOT NULL,
    comment_id      INTEGER,
    label_on        INTEGER,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     INTEGER,
    parked          INTEGER NOT NULL,
    last_error      TEXT,
    updated_at      INTEGER NOT NULL
)
;
CREATE INDEX IF NOT EXISTS claim_mirror_due ON claim_mirror (next_attempt_at)
