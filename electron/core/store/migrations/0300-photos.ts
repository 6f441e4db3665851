// Photos: originals stored once by content hash, their measurements and warnings, renditions
// (remembering the preset spec they were made from), near-duplicate pairs, the per-file state
// of batch jobs (so a batch resumes where it stopped), and each product's ordered photos.
export const sql = `
CREATE TABLE photos (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  format TEXT NOT NULL,
  rel_path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  source TEXT NOT NULL,
  analysis TEXT NOT NULL,
  phash TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX photos_created ON photos(created_at, seq);
CREATE INDEX photos_name ON photos(name_key, seq);

CREATE TABLE photo_warnings (
  photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  params TEXT NOT NULL,
  PRIMARY KEY (photo_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX photo_warnings_code ON photo_warnings(code, photo_id);

CREATE TABLE photo_similar (
  photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  other_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  distance INTEGER NOT NULL,
  PRIMARY KEY (photo_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX photo_similar_other ON photo_similar(other_id);

CREATE TABLE renditions (
  photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  preset TEXT NOT NULL,
  spec TEXT NOT NULL,
  rel_path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  mime TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (photo_id, preset)
) STRICT, WITHOUT ROWID;
CREATE INDEX renditions_spec ON renditions(preset, spec);

CREATE TABLE product_photos (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('main', 'extra')),
  position INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (product_id, photo_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_photos_order ON product_photos(product_id, role, position);
CREATE INDEX product_photos_photo ON product_photos(photo_id);

CREATE TABLE photo_batch_items (
  job_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'added', 'duplicate', 'failed')),
  photo_id TEXT,
  error_code TEXT,
  error_message TEXT,
  error_params TEXT,
  PRIMARY KEY (job_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX photo_batch_items_state ON photo_batch_items(job_id, state, seq);
`
