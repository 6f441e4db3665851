// Publishing to the pavilion: one listing per product × target × language (the outbox row the
// user's intent is written to), the photobank cache by content hash, the cached category rules
// and tree, and a per-listing log of what happened.
export const sql = `
CREATE TABLE publish_listings (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('sandbox', 'alibaba')),
  language TEXT NOT NULL,
  intent TEXT NOT NULL CHECK (intent IN ('publish', 'unpublish')),
  intent_version INTEGER NOT NULL DEFAULT 1,
  state TEXT NOT NULL CHECK (state IN ('queued', 'uploading_images', 'submitting', 'in_audit', 'published', 'failed',
    'needs_fixing', 'unpublishing', 'offline', 'cancelled')),
  job_id TEXT,
  cat_id TEXT,
  remote_id TEXT,
  remote_encrypted_id TEXT,
  remote_status TEXT,
  remote_display TEXT,
  published_hash TEXT,
  pending_op TEXT CHECK (pending_op IS NULL OR pending_op IN ('add', 'update', 'display_on', 'display_off')),
  pending_hash TEXT,
  pending_title TEXT,
  pending_images TEXT,
  pending_since TEXT,
  problems TEXT,
  error_code TEXT,
  error_message TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  published_at TEXT
) STRICT;
CREATE UNIQUE INDEX publish_listings_key ON publish_listings(product_id, target, language);
CREATE UNIQUE INDEX publish_listings_remote ON publish_listings(target, language, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX publish_listings_state ON publish_listings(target, state, updated_at);
CREATE INDEX publish_listings_recent ON publish_listings(target, updated_at DESC, id DESC);
CREATE INDEX publish_listings_audit ON publish_listings(target, language, state, submitted_at) WHERE state = 'in_audit';

CREATE TABLE publish_images (
  target TEXT NOT NULL,
  account TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  file_id TEXT NOT NULL,
  url TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (target, account, sha256)
) STRICT;

CREATE TABLE publish_schemas (
  target TEXT NOT NULL,
  cat_id TEXT NOT NULL,
  language TEXT NOT NULL,
  xml TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (target, cat_id, language)
) STRICT;

CREATE TABLE publish_categories (
  target TEXT NOT NULL,
  cat_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  name TEXT NOT NULL,
  cn_name TEXT NOT NULL,
  level INTEGER NOT NULL,
  leaf INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (target, cat_id)
) STRICT;
CREATE INDEX publish_categories_parent ON publish_categories(target, parent_id);

CREATE TABLE publish_log (
  id INTEGER PRIMARY KEY,
  listing_id TEXT NOT NULL,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT
) STRICT;
CREATE INDEX publish_log_listing ON publish_log(listing_id, id DESC);
`
