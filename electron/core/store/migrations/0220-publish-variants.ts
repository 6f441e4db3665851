// Listings with variants are updated by difference: what each top-level field of the last
// published document looked like (a hash per field id), so an update sends only the fields that
// changed (a re-priced variant sends the SKU block, not the title and photos again).
export const sql = `
ALTER TABLE publish_listings ADD COLUMN published_fields TEXT;
ALTER TABLE publish_listings ADD COLUMN pending_fields TEXT;
`
