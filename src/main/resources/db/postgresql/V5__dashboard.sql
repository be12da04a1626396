-- IssueCommand schema, version 5: the dashboard (docs/behaviour.md §15). A claim remembers when it first reached
-- pr_submitted, for the claim-to-PR times of the history charts (older claims leave it empty).
ALTER TABLE claims ADD COLUMN pr_submitted_at BIGINT
;
-- Signed-in operators. Only a hash of the session cookie is kept; key_fingerprint ties the session to the API_KEY it
-- was opened with, so changing API_KEY signs everyone out. Deleting the row (sign-out) ends it in every process.
CREATE TABLE IF NOT EXISTS operator_sessions (
    session_hash    TEXT    PRIMARY KEY,
    operator        TEXT    NOT NULL,
    csrf_token      TEXT    NOT NULL,
    key_fingerprint TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
)
;
CREATE INDEX IF NOT EXISTS claims_ended_at ON claims (ended_at)
