// Browser-mode links given to other people (a translator): only a hash of each key is kept,
// with who it is for, when it expires and whether it was revoked.
export const sql = `
CREATE TABLE access_links (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('owner', 'translator')),
  label TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
) STRICT;
`
