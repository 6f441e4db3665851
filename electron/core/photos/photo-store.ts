// SQL for photos, their warnings, near-duplicate pairs and renditions. Statements are prepared
// once; callers group writes in transactions.
import type { PhotoWarning, PhotoAnalysis } from '../../../shared/domain/photo-quality.ts'
import type { PresetId } from '../../../shared/domain/photo-presets.ts'
import type { Db } from '../store/db.ts'
import type { PhotoFormat, SourceFacts } from './types.ts'

export interface PhotoRow {
  seq: number
  id: string
  sha256: string
  name: string
  format: PhotoFormat
  rel_path: string
  bytes: number
  width: number
  height: number
  source: string
  analysis: string
  phash: string
  created_at: string
}

export interface RenditionRow {
  photo_id: string
  preset: PresetId
  spec: string
  rel_path: string
  sha256: string
  width: number
  height: number
  bytes: number
  mime: string
  created_at: string
}

export interface NewPhoto {
  id: string
  sha256: string
  name: string
  relPath: string
  bytes: number
  facts: SourceFacts
  analysis: PhotoAnalysis
  createdAt: string
}

export interface ListFilter {
  offset: number
  limit: number
  warning?: string
  productId?: string
  unattached?: boolean
  search?: string
  sort: 'newest' | 'oldest' | 'name'
}

export type SummaryRow = PhotoRow & {
  t_rel: string | null
  t_w: number | null
  t_h: number | null
  t_bytes: number | null
  t_mime: string | null
  product_count: number
}

export class PhotoStore {
  private readonly db: Db
  private readonly stmts

  constructor(db: Db) {
    this.db = db
    this.stmts = {
      bySha: db.prepare('SELECT id FROM photos WHERE sha256 = ?'),
      byId: db.prepare('SELECT * FROM photos WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO photos (id, sha256, name, name_key, format, rel_path, bytes, width, height, source, analysis, phash, created_at)
         VALUES (@id, @sha256, @name, @name_key, @format, @rel_path, @bytes, @width, @height, @source, @analysis, @phash, @created_at)`
      ),
      delete: db.prepare('DELETE FROM photos WHERE id = ?'),
      otherUsersOfFile: db.prepare('SELECT count(*) AS n FROM photos WHERE rel_path = ? AND id <> ?'),
      renditions: db.prepare('SELECT * FROM renditions WHERE photo_id = ? ORDER BY preset'),
      rendition: db.prepare('SELECT * FROM renditions WHERE photo_id = ? AND preset = ?'),
      upsertRendition: db.prepare(
        `INSERT INTO renditions (photo_id, preset, spec, rel_path, sha256, width, height, bytes, mime, created_at)
         VALUES (@photo_id, @preset, @spec, @rel_path, @sha256, @width, @height, @bytes, @mime, @created_at)
         ON CONFLICT(photo_id, preset) DO UPDATE SET spec = excluded.spec, rel_path = excluded.rel_path, sha256 = excluded.sha256,
           width = excluded.width, height = excluded.height, bytes = excluded.bytes, mime = excluded.mime, created_at = excluded.created_at`
      ),
      staleRenditions: db.prepare('SELECT photo_id, preset FROM renditions WHERE preset = ? AND spec <> ? ORDER BY photo_id LIMIT ?'),
      missingRendition: db.prepare(
        'SELECT p.id AS photo_id FROM photos p WHERE NOT EXISTS (SELECT 1 FROM renditions r WHERE r.photo_id = p.id AND r.preset = ?) ORDER BY p.seq LIMIT ?'
      ),
      warnings: db.prepare('SELECT code, params FROM photo_warnings WHERE photo_id = ? ORDER BY code'),
      clearWarnings: db.prepare('DELETE FROM photo_warnings WHERE photo_id = ?'),
      addWarning: db.prepare('INSERT INTO photo_warnings (photo_id, code, params) VALUES (?, ?, ?)'),
      hashes: db.prepare("SELECT id, phash, name, json_extract(analysis, '$.subject.colour') AS colour FROM photos ORDER BY seq"),
      nearDuplicate: db.prepare("SELECT params FROM photo_warnings WHERE photo_id = ? AND code = 'near_duplicate'"),
      putNearDuplicate: db.prepare(
        "INSERT INTO photo_warnings (photo_id, code, params) VALUES (?, 'near_duplicate', ?) ON CONFLICT(photo_id, code) DO UPDATE SET params = excluded.params"
      ),
      allIds: db.prepare('SELECT id FROM photos ORDER BY seq'),
      products: db.prepare(
        'SELECT pp.product_id AS id, pr.sku AS sku, pp.role AS role FROM product_photos pp JOIN products pr ON pr.id = pp.product_id WHERE pp.photo_id = ? ORDER BY pr.sku'
      ),
      count: db.prepare('SELECT count(*) AS n FROM photos'),
      countWithWarnings: db.prepare('SELECT count(DISTINCT photo_id) AS n FROM photo_warnings'),
      countUnattached: db.prepare('SELECT count(*) AS n FROM photos p WHERE NOT EXISTS (SELECT 1 FROM product_photos pp WHERE pp.photo_id = p.id)'),
      countByWarning: db.prepare('SELECT code, count(*) AS n FROM photo_warnings GROUP BY code')
    }
  }

  idBySha(sha256: string): string | null {
    return (this.stmts.bySha.get(sha256) as { id: string } | undefined)?.id ?? null
  }

  get(id: string): PhotoRow | null {
    return (this.stmts.byId.get(id) as PhotoRow | undefined) ?? null
  }

  insert(p: NewPhoto): void {
    this.stmts.insert.run({
      id: p.id, sha256: p.sha256, name: p.name, name_key: p.name.toLowerCase(), format: p.facts.format, rel_path: p.relPath,
      bytes: p.bytes, width: p.facts.width, height: p.facts.height,
      source: JSON.stringify({ orientation: p.facts.orientation, colourSpace: p.facts.colourSpace, bitDepth: p.facts.bitDepth, hasAlpha: p.facts.hasAlpha, hasProfile: p.facts.hasProfile, pages: p.facts.pages }),
      analysis: JSON.stringify(p.analysis), phash: p.analysis.phash, created_at: p.createdAt
    })
  }

  /** Deletes a photo row (cascading to its renditions, warnings, pairs and product links); returns the files to remove. */
  delete(id: string): string[] {
    const row = this.get(id)
    if (!row) return []
    const files = this.renditions(id).map((r) => r.rel_path)
    const shared = (this.stmts.otherUsersOfFile.get(row.rel_path, id) as { n: number }).n > 0
    if (!shared) files.push(row.rel_path)
    this.stmts.delete.run(id)
    return files
  }

  renditions(photoId: string): RenditionRow[] {
    return this.stmts.renditions.all(photoId) as RenditionRow[]
  }

  rendition(photoId: string, preset: PresetId): RenditionRow | null {
    return (this.stmts.rendition.get(photoId, preset) as RenditionRow | undefined) ?? null
  }

  /** Saves a rendition; returns the file of the one it replaces (to delete after commit). */
  putRendition(r: RenditionRow): string | null {
    const before = this.rendition(r.photo_id, r.preset)
    this.stmts.upsertRendition.run(r)
    return before && before.rel_path !== r.rel_path ? before.rel_path : null
  }

  /** Renditions of `preset` made under another spec (up to `limit`). */
  staleRenditions(preset: PresetId, spec: string, limit: number): Array<{ photo_id: string; preset: PresetId }> {
    return this.stmts.staleRenditions.all(preset, spec, limit) as Array<{ photo_id: string; preset: PresetId }>
  }

  photosMissing(preset: PresetId, limit: number): string[] {
    return (this.stmts.missingRendition.all(preset, limit) as { photo_id: string }[]).map((r) => r.photo_id)
  }

  warnings(photoId: string): PhotoWarning[] {
    return (this.stmts.warnings.all(photoId) as { code: PhotoWarning['code']; params: string }[]).map((r) => ({ code: r.code, params: JSON.parse(r.params) }))
  }

  warningsFor(ids: string[]): Map<string, PhotoWarning[]> {
    const out = new Map<string, PhotoWarning[]>(ids.map((id) => [id, []]))
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const rows = this.db
        .prepare(`SELECT photo_id, code, params FROM photo_warnings WHERE photo_id IN (${chunk.map(() => '?').join(',')}) ORDER BY code`)
        .all(...chunk) as { photo_id: string; code: PhotoWarning['code']; params: string }[]
      for (const r of rows) out.get(r.photo_id)!.push({ code: r.code, params: JSON.parse(r.params) })
    }
    return out
  }

  setWarnings(photoId: string, warnings: PhotoWarning[]): void {
    this.stmts.clearWarnings.run(photoId)
    for (const w of warnings) this.stmts.addWarning.run(photoId, w.code, JSON.stringify(w.params))
  }

  /** Every photo's perceptual hash, name and product colour (JSON, null when not measured), in the order they were added. */
  hashes(): Array<{ id: string; phash: string; name: string; colour: string | null }> {
    return this.stmts.hashes.all() as Array<{ id: string; phash: string; name: string; colour: string | null }>
  }

  /** Makes `other` the photo's near-duplicate warning if it is closer than the one it names. */
  offerNearDuplicate(photoId: string, other: { photoId: string; name: string; distance: number }): void {
    const row = this.stmts.nearDuplicate.get(photoId) as { params: string } | undefined
    if (row && (JSON.parse(row.params) as { distance: number }).distance <= other.distance) return
    this.stmts.putNearDuplicate.run(photoId, JSON.stringify({ of: other.photoId, name: other.name, distance: other.distance }))
  }

  allIds(): string[] {
    return (this.stmts.allIds.all() as { id: string }[]).map((r) => r.id)
  }

  productsOf(photoId: string): Array<{ id: string; sku: string; role: 'main' | 'extra' }> {
    return this.stmts.products.all(photoId) as Array<{ id: string; sku: string; role: 'main' | 'extra' }>
  }

  list(f: ListFilter): { rows: SummaryRow[]; total: number } {
    const where: string[] = []
    const args: unknown[] = []
    let from = 'photos p'
    if (f.productId) {
      from += ' JOIN product_photos pp ON pp.photo_id = p.id AND pp.product_id = ?'
      args.push(f.productId)
    }
    if (f.warning) {
      where.push('EXISTS (SELECT 1 FROM photo_warnings w WHERE w.photo_id = p.id AND w.code = ?)')
      args.push(f.warning)
    }
    if (f.unattached) where.push('NOT EXISTS (SELECT 1 FROM product_photos u WHERE u.photo_id = p.id)')
    if (f.search?.trim()) {
      where.push("p.name_key LIKE ? ESCAPE '\\'")
      args.push(`%${f.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const order = f.productId
      ? "ORDER BY CASE pp.role WHEN 'main' THEN 0 ELSE 1 END, pp.position"
      : f.sort === 'name' ? 'ORDER BY p.name_key, p.seq' : f.sort === 'oldest' ? 'ORDER BY p.created_at, p.seq' : 'ORDER BY p.created_at DESC, p.seq DESC'
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} ${whereSql}`).get(...args) as { n: number }).n
    const rows = this.db
      .prepare(
        `SELECT p.*, t.rel_path AS t_rel, t.width AS t_w, t.height AS t_h, t.bytes AS t_bytes, t.mime AS t_mime,
           (SELECT count(*) FROM product_photos c WHERE c.photo_id = p.id) AS product_count
         FROM ${from} LEFT JOIN renditions t ON t.photo_id = p.id AND t.preset = 'thumb'
         ${whereSql} ${order} LIMIT ? OFFSET ?`
      )
      .all(...args, f.limit, f.offset) as SummaryRow[]
    return { rows, total }
  }

  summaryRows(ids: string[]): Map<string, SummaryRow> {
    const out = new Map<string, SummaryRow>()
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const rows = this.db
        .prepare(
          `SELECT p.*, t.rel_path AS t_rel, t.width AS t_w, t.height AS t_h, t.bytes AS t_bytes, t.mime AS t_mime,
             (SELECT count(*) FROM product_photos c WHERE c.photo_id = p.id) AS product_count
           FROM photos p LEFT JOIN renditions t ON t.photo_id = p.id AND t.preset = 'thumb' WHERE p.id IN (${chunk.map(() => '?').join(',')})`
        )
        .all(...chunk) as SummaryRow[]
      for (const r of rows) out.set(r.id, r)
    }
    return out
  }

  stats(): { total: number; withWarnings: number; unattached: number; byWarning: Record<string, number> } {
    return {
      total: (this.stmts.count.get() as { n: number }).n,
      withWarnings: (this.stmts.countWithWarnings.get() as { n: number }).n,
      unattached: (this.stmts.countUnattached.get() as { n: number }).n,
      byWarning: Object.fromEntries((this.stmts.countByWarning.all() as { code: string; n: number }[]).map((r) => [r.code, r.n]))
    }
  }
}
