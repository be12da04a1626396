-- IssueCommand schema, version 6: quarantine (docs/behaviour.md §17). A strike is a claim that went stale or was
-- auto-released, one row per claim whatever moves it made; an issue with QUARANTINE_AFTER strikes within
-- QUARANTINE_WINDOW_HOURS (counted after its last release) is quarantined. issue_key is the repository in lower case,
-- '#' and the issue number.
CREATE TABLE IF NOT EXISTS quarantine_strikes (
    claim_id     TEXT    PRIMARY KEY,
    issue_key    TEXT    NOT NULL,
    struck_at    INTEGER NOT NULL
)
;
CREATE INDEX IF NOT EXISTS quarantine_strikes_issue ON quarantine_strikes (issue_key, struck_at)
;
-- One row per issue ever quarantined; released_at empty while it is. issue_updated_at is GitHub's updated_at of the
-- issue as the sync first saw it while quarantined: a later one means the issue changed and releases it.
CREATE TABLE IF NOT EXISTS quarantine (
    issue_key        TEXT    PRIMARY KEY,
    repo             TEXT    NOT NULL,
    issue_number     INTEGER NOT NULL,
    since            INTEGER NOT NULL,
    strikes          INTEGER NOT NULL,
    reason           TEXT    NOT NULL,
    issue_updated_at TEXT,
    released_at      INTEGER,
    released_by      TEXT,
    release_reason   TEXT
)
