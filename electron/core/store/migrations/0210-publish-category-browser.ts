// The category browser: which nodes of the cached pavilion tree have their children cached (the
// tree is fetched level by level, the rest on demand), and the firm's own words that led to a leaf.
export const sql = `
ALTER TABLE publish_categories ADD COLUMN children_fetched INTEGER NOT NULL DEFAULT 0;

CREATE TABLE publish_category_words (
  target TEXT NOT NULL,
  word TEXT NOT NULL,
  cat_id TEXT NOT NULL,
  uses INTEGER NOT NULL DEFAULT 1,
  last_used_at TEXT NOT NULL,
  PRIMARY KEY (target, word, cat_id)
) STRICT;
`
