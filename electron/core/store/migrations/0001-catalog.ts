// Catalogue schema: settings, categories, attribute families, products with per-field localized
// text, field-level history, and two search indexes (trigram for 3+ characters, a token index of
// words and CJK uni/bigrams for 1–2 character queries).
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES categories(id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  pavilion_category_id TEXT,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX categories_parent ON categories(parent_id, sort);

CREATE TABLE families (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  preset INTEGER NOT NULL DEFAULT 0,
  attributes TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE products (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sku TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'archived')),
  category_id TEXT REFERENCES categories(id) ON DELETE RESTRICT,
  family_id TEXT REFERENCES families(id) ON DELETE RESTRICT,
  parent_id TEXT REFERENCES products(id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  sort_title TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX products_sku ON products(sku COLLATE NOCASE);
CREATE INDEX products_updated ON products(parent_id, updated_at, seq);
CREATE INDEX products_created ON products(parent_id, created_at, seq);
CREATE INDEX products_title ON products(parent_id, sort_title, seq);
CREATE INDEX products_sku_sort ON products(parent_id, sku, seq);
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_family ON products(family_id);

CREATE TABLE product_texts (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  locale TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('title', 'shortDescription', 'description', 'keywords')),
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (product_id, locale, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_texts_locale ON product_texts(locale, field);

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  batch_id TEXT NOT NULL,
  path TEXT NOT NULL,
  old TEXT,
  new TEXT,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  detail TEXT
) STRICT;
CREATE INDEX history_product ON history(product_id, id);
CREATE INDEX history_batch ON history(batch_id);

CREATE VIRTUAL TABLE product_fts USING fts5(
  sku, body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
);
CREATE VIRTUAL TABLE product_short USING fts5(
  tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
`
