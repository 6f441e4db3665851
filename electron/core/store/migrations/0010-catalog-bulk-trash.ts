// Bulk edits (one history batch each, with what they did to category links, so one undo reverts
// them) and the trash: a deleted product is kept whole — its row and every row that refers to it
// in any area (texts, history, photos, translation units…) — until the trash is emptied.
export const sql = `
CREATE TABLE bulk_batches (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'trash', 'undo')),
  summary TEXT NOT NULL,
  undone_at TEXT
) STRICT;

CREATE TABLE trash (
  product_id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  variants INTEGER NOT NULL,
  deleted_at TEXT NOT NULL,
  snapshot TEXT NOT NULL
) STRICT;
CREATE INDEX trash_batch ON trash(batch_id);
CREATE INDEX trash_deleted ON trash(deleted_at DESC);
`
