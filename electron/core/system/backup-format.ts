// What a backup archive holds, in this order: manifest.json, catalog.sqlite (an online SQLite
// backup, integrity-checked), then every media file the catalogue references, sorted by path.
// Format 2 packs only referenced files, from the same snapshot as the database; format 1
// archives (the whole media folder) are still restored, with the same checks.
import { z } from 'zod'

export const BACKUP_FORMAT = 'vetrina-backup/2'
export const LEGACY_FORMAT = 'vetrina-backup/1'
export const DB_NAME = 'catalog.sqlite'
export const MANIFEST_NAME = 'manifest.json'
export const MEDIA_PREFIX = 'media/'
/** A manifest is a few hundred bytes (plus the names of missing files). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

export const Manifest = z.object({
  format: z.enum([BACKUP_FORMAT, LEGACY_FORMAT]),
  appVersion: z.string().max(64),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string().max(64),
  database: z.object({ file: z.literal(DB_NAME), size: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  media: z.object({
    files: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** Referenced files that were not on disk when the backup was made (restored as missing). */
    missing: z.array(z.string().max(512)).max(200_000).default([])
  })
})
export type Manifest = z.infer<typeof Manifest>

/** Where the manifest's media files go under the data folder (format 1 packed `media/…` too). */
export function mediaRelPath(entryPath: string): string | null {
  return entryPath.startsWith(MEDIA_PREFIX) ? entryPath.slice(MEDIA_PREFIX.length) : null
}
