-- IssueCommand schema, version 4: one key per agent (docs/behaviour.md §14). Only a hash of the key is kept; the
-- prefix (the key's first part, shown in lists) finds the row. Deleting the row revokes the key in every process.
CREATE TABLE IF NOT EXISTS agent_keys (
    agent_id   TEXT    PRIMARY KEY,
    key_prefix TEXT    NOT NULL UNIQUE,
    key_hash   TEXT    NOT NULL,
    repos      TEXT    NOT NULL,
    created_at INTEGER  NOT NULL,
    expires_at INTEGER
)
