-- IssueCommand schema, version 1. Statements are separated by lines holding only ';'.
CREATE TABLE IF NOT EXISTS claims (
    claim_id         TEXT    PRIMARY KEY,
    agent_id         TEXT    NOT NULL,
    repo             TEXT    NOT NULL,
    repo_key         TEXT    NOT NULL,
    issue_number     INTEGER NOT NULL,
    issue_title      TEXT    NOT NULL,
    issue_labels     TEXT    NOT NULL,
    issue_assignees  TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    active           INTEGER NOT NULL,
    claimed_at       INTEGER NOT NULL,
    last_updated     INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL,
    ended_at         INTEGER,
    pr_url           TEXT,
    status_history   TEXT    NOT NULL
)
;
CREATE UNIQUE INDEX IF NOT EXISTS claims_one_active_per_issue ON claims (repo_key, issue_number) WHERE active = 1
;
CREATE INDEX IF NOT EXISTS claims_history_order ON claims (active, ended_at)
;
CREATE TABLE IF NOT EXISTS runtime_counters (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
;
INSERT OR IGNORE INTO runtime_counters (name, value) VALUES ('total_claims', '0')
;
CREATE TABLE IF NOT EXISTS write_lock (
    id INTEGER PRIMARY KEY,
    n  INTEGER NOT NULL
)
;
INSERT OR IGNORE INTO write_lock (id, n) VALUES (1, 0)
;
CREATE TABLE IF NOT EXISTS events (
    event_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    payload    TEXT    NOT NULL
)
