// Spreadsheet imports: each import (file, options, mapping, state, latest summary), its per-row
// report (paged by row number, filtered by outcome), saved mapping profiles, and the image file
// names an import attached to products (picked up by the photos area).
export const sql = `
CREATE TABLE spreadsheet_imports (
  id TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  spec TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('checking', 'checked', 'applying', 'applied', 'rolled-back', 'failed', 'cancelled')),
  mode TEXT CHECK (mode IN ('all-or-nothing', 'valid-rows')),
  summary TEXT,
  dry_run_job_id TEXT,
  apply_job_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX spreadsheet_imports_recent ON spreadsheet_imports(created_at);

CREATE TABLE spreadsheet_report_rows (
  import_id TEXT NOT NULL REFERENCES spreadsheet_imports(id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  sku TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'rejected')),
  product_id TEXT,
  changes INTEGER NOT NULL DEFAULT 0,
  warned INTEGER NOT NULL DEFAULT 0,
  issues TEXT,
  PRIMARY KEY (import_id, row)
) STRICT, WITHOUT ROWID;
CREATE INDEX spreadsheet_report_outcome ON spreadsheet_report_rows(import_id, outcome, row);
CREATE INDEX spreadsheet_report_warned ON spreadsheet_report_rows(import_id, warned, row);

CREATE TABLE spreadsheet_profiles (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  data TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE spreadsheet_image_refs (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  ref TEXT NOT NULL,
  import_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (product_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX spreadsheet_image_refs_import ON spreadsheet_image_refs(import_id);
`
