// Translation: units (status, stale flag, the source each translation was made from, QA results),
// machine-translation suggestions, the translation memory and the glossary.
export const sql = `
CREATE TABLE tr_units (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('title', 'shortDescription', 'description', 'keywords')),
  locale TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('new', 'machine', 'translated', 'reviewed', 'approved')),
  stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
  base_source TEXT,
  origin TEXT,
  qa TEXT NOT NULL DEFAULT '[]',
  qa_errors INTEGER NOT NULL DEFAULT 0,
  qa_warnings INTEGER NOT NULL DEFAULT 0,
  qa_override TEXT,
  xliff_extra TEXT,
  rev INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (product_id, field, locale)
) STRICT, WITHOUT ROWID;
CREATE INDEX tr_units_status ON tr_units(locale, status, product_id);
CREATE INDEX tr_units_stale ON tr_units(locale, product_id) WHERE stale = 1;
CREATE INDEX tr_units_qa ON tr_units(locale, product_id) WHERE qa_errors + qa_warnings > 0;

CREATE TABLE tr_suggestions (
  product_id TEXT NOT NULL,
  field TEXT NOT NULL,
  locale TEXT NOT NULL,
  provider TEXT NOT NULL,
  source_text TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (product_id, field, locale, provider),
  FOREIGN KEY (product_id, field, locale) REFERENCES tr_units(product_id, field, locale) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE tm_units (
  id INTEGER PRIMARY KEY,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  source_key TEXT NOT NULL,
  product_id TEXT,
  field TEXT,
  origin TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX tm_units_pair ON tm_units(source_lang, target_lang, source_key, target);
CREATE INDEX tm_units_context ON tm_units(product_id, field, target_lang);

CREATE TABLE tr_terms (
  id INTEGER PRIMARY KEY,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('preferred', 'dnt', 'forbidden')),
  source TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  case_sensitive INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX tr_terms_unique ON tr_terms(source_lang, target_lang, kind, source, target);
CREATE INDEX tr_terms_pair ON tr_terms(source_lang, target_lang);
`
