// Search indexes keyed by update sequence number (usn). Every product write takes the next usn and
// re-indexes the product under it, so reading an index in descending rowid order yields matches
// newest-changed first, lazily: a search stops as soon as a page is full instead of collecting and
// sorting every match (see catalog/product-list.ts). Until now the indexes were keyed by seq, so
// starting with usn = seq keeps every existing index entry valid.
export const sql = `
ALTER TABLE products ADD COLUMN usn INTEGER NOT NULL DEFAULT 0;
UPDATE products SET usn = seq;
DROP INDEX products_updated;
DROP INDEX products_created;
DROP INDEX products_title;
DROP INDEX products_sku_sort;
DROP INDEX products_category;
CREATE UNIQUE INDEX products_usn ON products(usn);
CREATE INDEX products_parent_usn ON products(parent_id, usn);
CREATE INDEX products_parent_seq ON products(parent_id, seq);
CREATE INDEX products_title ON products(parent_id, sort_title, usn);
CREATE INDEX products_sku_sort ON products(parent_id, sku, usn);
CREATE INDEX products_status ON products(status, usn);
CREATE INDEX products_category ON products(category_id, usn);
`
