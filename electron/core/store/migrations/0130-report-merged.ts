// Import reports get the outcome "merged": a later row of a SKU that added its images to that product
// (one row per image, as shop platforms export). SQLite cannot change a CHECK constraint in place,
// so the report table is rebuilt with its rows.
export const sql = `
CREATE TABLE spreadsheet_report_rows_new (
  import_id TEXT NOT NULL REFERENCES spreadsheet_imports(id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  sku TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'merged', 'rejected')),
  product_id TEXT,
  changes INTEGER NOT NULL DEFAULT 0,
  warned INTEGER NOT NULL DEFAULT 0,
  issues TEXT,
  PRIMARY KEY (import_id, row)
) STRICT, WITHOUT ROWID;
INSERT INTO spreadsheet_report_rows_new SELECT import_id, row, sku, outcome, product_id, changes, warned, issues FROM spreadsheet_report_rows;
DROP TABLE spreadsheet_report_rows;
ALTER TABLE spreadsheet_report_rows_new RENAME TO spreadsheet_report_rows;
CREATE INDEX spreadsheet_report_outcome ON spreadsheet_report_rows(import_id, outcome, row);
CREATE INDEX spreadsheet_report_warned ON spreadsheet_report_rows(import_id, warned, row);
`
