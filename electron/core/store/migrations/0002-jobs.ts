// Persisted jobs: inserted in the same transaction as the intent that creates them, picked up by
// the runner, resumed after a restart from their last checkpoint.
export const sql = `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'paused', 'waiting', 'done', 'failed', 'cancelled')),
  title TEXT NOT NULL,
  payload TEXT NOT NULL,
  checkpoint TEXT,
  done REAL NOT NULL DEFAULT 0,
  total REAL,
  message TEXT,
  error TEXT,
  result TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 1,
  run_after TEXT,
  priority INTEGER NOT NULL DEFAULT 0,
  dedupe_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
) STRICT;
CREATE INDEX jobs_pick ON jobs(state, kind, priority DESC, created_at);
CREATE INDEX jobs_recent ON jobs(created_at);
CREATE UNIQUE INDEX jobs_dedupe ON jobs(dedupe_key)
  WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running', 'paused', 'waiting');

CREATE TABLE job_queues (
  kind TEXT PRIMARY KEY,
  paused INTEGER NOT NULL DEFAULT 0
) STRICT;
`
