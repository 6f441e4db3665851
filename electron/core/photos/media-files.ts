// The files under media/ that a catalogue references, for backups and restores: every original
// and rendition with its content hash and size, and the check that each stored path follows the
// content-addressed layout (media-store.ts). A restored archive chooses these paths, so a path
// that could leave media/ (../, absolute, another folder) must never reach the file system.
import { PRESET_IDS } from '../../../shared/domain/photo-sizes.ts'
import type { MediaFileRef, MediaFileSource } from '../core.ts'
import type { Db } from '../store/db.ts'

const HEX64 = /^[0-9a-f]{64}$/
const ORIGINAL = /^originals\/([0-9a-f]{2})\/([0-9a-f]{64})\.(jpg|png|webp|avif|tif|gif|heic)$/
const RENDITION = /^renditions\/([a-z]+)\/([0-9a-z]{2})\/([A-Za-z0-9_-]{1,64})-([0-9a-f]{12})\.(jpg|png|webp|avif)$/

/** Is `relPath` where the original with this hash lives? */
export function isOriginalPath(relPath: string, sha256: string): boolean {
  const m = ORIGINAL.exec(relPath)
  return !!m && m[2] === sha256 && m[1] === sha256.slice(0, 2)
}

/** Is `relPath` where this photo's rendition under `preset` and `spec` lives? */
export function isRenditionPath(relPath: string, photoId: string, preset: string, spec: string): boolean {
  const m = RENDITION.exec(relPath)
  return !!m && m[1] === preset && (PRESET_IDS as readonly string[]).includes(preset) && m[3] === photoId && m[2] === photoId.slice(-2).toLowerCase() && m[4] === spec
}

const hasTable = (db: Db, name: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)

interface Row { kind: 'original' | 'rendition'; rel_path: string; sha256: string; bytes: number; photo_id: string; preset: string | null; spec: string | null }

function rows(db: Db): Iterable<Row> {
  if (!hasTable(db, 'photos')) return []
  return db.prepare(`
    SELECT 'original' AS kind, rel_path, sha256, bytes, id AS photo_id, NULL AS preset, NULL AS spec FROM photos
    UNION ALL
    SELECT 'rendition', rel_path, sha256, bytes, photo_id, preset, spec FROM renditions
    ORDER BY rel_path`).iterate() as Iterable<Row>
}

function valid(r: Row): boolean {
  if (!HEX64.test(r.sha256) || !Number.isSafeInteger(r.bytes) || r.bytes < 0) return false
  return r.kind === 'original' ? isOriginalPath(r.rel_path, r.sha256) : isRenditionPath(r.rel_path, r.photo_id, r.preset ?? '', r.spec ?? '')
}

/** The photos area's media files in `db` (a live catalogue, a backup's snapshot or a staged restore). */
export function photoMediaFiles(db: Db): MediaFileSource {
  return {
    totals() {
      if (!hasTable(db, 'photos')) return { files: 0, bytes: 0 }
      const r = db.prepare(`SELECT count(*) AS files, coalesce(sum(bytes), 0) AS bytes FROM
        (SELECT rel_path, bytes FROM photos UNION SELECT rel_path, bytes FROM renditions)`).get() as { files: number; bytes: number }
      return { files: r.files, bytes: r.bytes }
    },
    *each(): Generator<MediaFileRef> {
      let last: Row | null = null
      for (const r of rows(db)) {
        // Rows sharing one file (the same bytes) are packed once.
        if (last && last.rel_path === r.rel_path && last.sha256 === r.sha256) continue
        last = r
        if (valid(r)) yield { relPath: r.rel_path, sha256: r.sha256, bytes: r.bytes }
      }
    },
    badPaths() {
      const out: Array<{ table: string; relPath: string }> = []
      for (const r of rows(db)) if (!valid(r)) out.push({ table: r.kind === 'original' ? 'photos' : 'renditions', relPath: r.rel_path })
      return out
    }
  }
}
