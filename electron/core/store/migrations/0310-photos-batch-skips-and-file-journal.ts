// Photos, second step: batch items can be "skipped" (a file found in a chosen folder that is not
// a picture, a symbolic link, a hidden file …; the reason is in error_code) and remember whether
// they were found in a folder; and a journal of media files written before the database knew
// them (renditions and originals of a photo being added, a rendition being remade, files to
// delete), so files left by a crash or a kill are removed at the next start.
export const sql = `
CREATE TABLE photo_batch_items_v2 (
  job_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'added', 'duplicate', 'failed', 'skipped')),
  from_folder INTEGER NOT NULL DEFAULT 0 CHECK (from_folder IN (0, 1)),
  photo_id TEXT,
  error_code TEXT,
  error_message TEXT,
  error_params TEXT,
  PRIMARY KEY (job_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO photo_batch_items_v2 (job_id, seq, source, name, state, from_folder, photo_id, error_code, error_message, error_params)
  SELECT job_id, seq, source, name, state, instr(name, '/') > 0, photo_id, error_code, error_message, error_params FROM photo_batch_items;
DROP TABLE photo_batch_items;
ALTER TABLE photo_batch_items_v2 RENAME TO photo_batch_items;
CREATE INDEX photo_batch_items_state ON photo_batch_items(job_id, state, seq);

CREATE TABLE photo_unsettled_files (
  rel_path TEXT PRIMARY KEY,
  since TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`
