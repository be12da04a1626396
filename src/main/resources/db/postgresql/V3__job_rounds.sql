-- IssueCommand schema, version 3: which process runs each round of a periodic job (docs/behaviour.md §12). A process
-- runs a round only when its conditional update of the job's row wins, so one process per round runs the job.
CREATE TABLE IF NOT EXISTS job_rounds (
    job    TEXT    PRIMARY KEY,
    ran_at BIGINT NOT NULL
)
