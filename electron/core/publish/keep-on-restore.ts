// Restoring an older backup must not make Vetrina forget what the pavilion already holds: a
// product published after the backup would otherwise be created a second time at the next publish.
// The replaced catalogue (schema `current`) knows those pavilion products; the restored one
// (schema `main`) takes them over for the products it has. Photobank uploads and the newest category
// rules are kept the same way (the rules shape what is sent, so they decide whether a listing changed).
import type { Db } from '../store/db.ts'

/** Pavilion facts copied from the replaced listing onto the restored one. */
const REMOTE_COLUMNS = [
  'remote_id', 'remote_encrypted_id', 'remote_status', 'remote_display', 'published_hash', 'published_at', 'submitted_at', 'cat_id',
  'pending_op', 'pending_hash', 'pending_title', 'pending_images', 'pending_since', 'published_fields', 'pending_fields'
] as const

export function keepPavilionState(db: Db): { listings: number; images: number } {
  const images = db.prepare('INSERT OR IGNORE INTO main.publish_images SELECT * FROM current.publish_images').run().changes
  // Uploads whose outcome is still unknown are looked up before anything is sent again, whichever catalogue is open.
  const hasPending = (schema: string) => !!db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'publish_image_uploads'`).get()
  if (hasPending('main') && hasPending('current')) db.prepare('INSERT OR IGNORE INTO main.publish_image_uploads SELECT * FROM current.publish_image_uploads').run()
  db.prepare(`INSERT OR REPLACE INTO main.publish_schemas SELECT c.* FROM current.publish_schemas c
    LEFT JOIN main.publish_schemas m USING (target, cat_id, language) WHERE m.fetched_at IS NULL OR m.fetched_at < c.fetched_at`).run()
  db.prepare(`INSERT OR REPLACE INTO main.publish_categories SELECT c.* FROM current.publish_categories c
    LEFT JOIN main.publish_categories m USING (target, cat_id) WHERE m.fetched_at IS NULL OR m.fetched_at < c.fetched_at`).run()
  let listings = 0
  // Listings the pavilion knows, for products the restored catalogue has, where the restored
  // listing does not know the same.
  const known = db.prepare(`
    SELECT c.*, m.id AS restored_id FROM current.publish_listings c
    JOIN main.products p ON p.id = c.product_id
    LEFT JOIN main.publish_listings m ON m.product_id = c.product_id AND m.target = c.target AND m.language = c.language
    WHERE c.remote_id IS NOT NULL
      AND (m.id IS NULL OR m.remote_id IS NOT c.remote_id OR m.published_hash IS NOT c.published_hash)`).all() as Array<Record<string, unknown>>
  const set = REMOTE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')
  const update = db.prepare(`UPDATE OR IGNORE main.publish_listings SET ${set}, state = CASE
      WHEN state IN ('queued', 'uploading_images', 'submitting', 'unpublishing', 'needs_fixing', 'failed') THEN state
      ELSE @state END, updated_at = @updated_at WHERE id = @restored_id`)
  const insert = db.prepare(`INSERT OR IGNORE INTO main.publish_listings
      (id, product_id, target, language, intent, intent_version, state, job_id, failures, created_at, updated_at, ${REMOTE_COLUMNS.join(', ')})
      VALUES (@id, @product_id, @target, @language, @intent, @intent_version, @state, NULL, 0, @created_at, @updated_at, ${REMOTE_COLUMNS.map((c) => `@${c}`).join(', ')})`)
  for (const row of known) {
    // A listing that was moving on the replaced catalogue rests where the pavilion last had it.
    const state = ['published', 'in_audit', 'offline'].includes(String(row.state)) ? row.state : 'published'
    const values = { ...row, state }
    listings += (row.restored_id ? update.run(values) : insert.run(values)).changes
  }
  return { listings, images }
}
