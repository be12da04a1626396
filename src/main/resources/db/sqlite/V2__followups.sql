-- IssueCommand schema, version 2: PR follow-ups and webhook deliveries (docs/behaviour.md §7, §12).
-- Active follow-ups and their history share one table, like claims: active = 1 rows are the queue.
CREATE TABLE IF NOT EXISTS followups (
    work_item_id        TEXT    PRIMARY KEY,
    repo                TEXT    NOT NULL,
    repo_key            TEXT    NOT NULL,
    pr_number           INTEGER NOT NULL,
    pr_url              TEXT    NOT NULL,
    pr_title            TEXT    NOT NULL,
    source_event_type   TEXT    NOT NULL,
    priority            INTEGER NOT NULL,
    source_event_id     TEXT    NOT NULL,
    source_delivery_id  TEXT,
    requested_by        TEXT,
    summary             TEXT    NOT NULL,
    actionable_comments TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    active              INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    last_updated        INTEGER NOT NULL,
    claimed_by_agent_id TEXT,
    claimed_at          INTEGER,
    done_at             INTEGER,
    dismiss_reason      TEXT,
    ended_at            INTEGER,
    status_history      TEXT    NOT NULL
)
;
CREATE INDEX IF NOT EXISTS followups_queue_order ON followups (active, priority, created_at)
;
CREATE INDEX IF NOT EXISTS followups_by_pr ON followups (repo_key, pr_number, active)
;
CREATE INDEX IF NOT EXISTS followups_history_order ON followups (active, ended_at)
;
-- Every source_event_id that ever queued a follow-up; never trimmed, so a source event queues at most once.
CREATE TABLE IF NOT EXISTS followup_sources (
    source_event_id TEXT    PRIMARY KEY,
    work_item_id    TEXT    NOT NULL,
    seen_at         INTEGER NOT NULL
)
;
-- X-GitHub-Delivery ids already accepted; seq orders them so the oldest are dropped first.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT    NOT NULL UNIQUE,
    event       TEXT    NOT NULL,
    received_at INTEGER NOT NULL
)
