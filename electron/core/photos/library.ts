// The photo library: commits processed photos (with near-duplicate detection), keeps warnings
// in step with presets, makes renditions on demand, deletes photos, and shapes what the
// contract returns.
import type { PhotoDetail, PhotoSummary, Rendition, MediaFile } from '../../../shared/contract/photos.ts'
import { PRESET_IDS, type PresetId } from '../../../shared/domain/photo-presets.ts'
import { PhotoAnalysis, photoWarnings, type NearDuplicate, type PhotoWarning } from '../../../shared/domain/photo-quality.ts'
import type { Clock } from '../platform/clock.ts'
import type { Db } from '../store/db.ts'
import { PhotoErrorCodes, photoError } from './errors.ts'
import type { PhotoEngineClient } from './engine/engine-client.ts'
import type { PreparedPhoto } from './ingest.ts'
import type { FileJournal } from './file-journal.ts'
import { HashIndex } from './hash-index.ts'
import type { MediaStore } from './media-store.ts'
import type { PhotoRow, PhotoStore, RenditionRow, SummaryRow } from './photo-store.ts'
import type { PresetStore } from './presets.ts'
import { MIME } from './sniff.ts'
import type { PipelineLimits } from './types.ts'

export interface LibraryDeps {
  db: Db
  journal: FileJournal
  store: PhotoStore
  media: MediaStore
  presets: PresetStore
  clock: Clock
  engine: PhotoEngineClient
  limits: PipelineLimits
}

export class PhotoLibrary {
  private readonly d: LibraryDeps
  private hashes: HashIndex | null = null
  private inFlight = new Map<string, Promise<Rendition>>()

  constructor(deps: LibraryDeps) {
    this.d = deps
  }

  /**
   * Inserts a processed photo, finds its near-duplicates and stores warnings; call inside a
   * transaction. Returns the id of the photo kept: another one if the same bytes were
   * committed meanwhile (then this one's renditions are returned in `orphanFiles`).
   */
  commit(p: PreparedPhoto): { photoId: string; added: boolean; orphanFiles: string[]; touched: string[] } {
    const { store } = this.d
    const existing = store.idBySha(p.sha256)
    if (existing) {
      // The original is the existing photo's; the renditions are removed after the commit.
      this.d.journal.settle([p.relPath])
      return { photoId: existing, added: false, orphanFiles: p.renditions.map((r) => r.rel_path), touched: [] }
    }
    const now = this.d.clock.now().toISOString()
    store.insert({ id: p.id, sha256: p.sha256, name: p.name, relPath: p.relPath, bytes: p.bytes, facts: p.facts, analysis: p.analysis, createdAt: now })
    for (const r of p.renditions) store.putRendition({ ...r, created_at: now })
    this.d.journal.settle([p.relPath, ...p.renditions.map((r) => r.rel_path)])
    this.hashCache().set({ id: p.id, phash: p.analysis.phash, name: p.name, colour: p.analysis.subject?.colour ?? null })
    const near = this.nearDuplicatesOf(p.id)
    store.setWarnings(p.id, photoWarnings({ width: p.facts.width, height: p.facts.height, analysis: p.analysis }, this.d.presets.get(), near))
    // A partner's warning names its closest near-duplicate: it changes only if this one is closer.
    for (const n of near) store.offerNearDuplicate(n.photoId, { photoId: p.id, name: p.name, distance: n.distance })
    return { photoId: p.id, added: true, orphanFiles: [], touched: near.map((n) => n.photoId) }
  }

  row(id: string): PhotoRow | null {
    return this.d.store.get(id)
  }

  /** Recomputes stored warnings (after a commit, a deletion or a preset change). */
  refreshWarnings(ids: string[]): void {
    const presets = this.d.presets.get()
    for (const id of ids) {
      const row = this.d.store.get(id)
      if (!row) continue
      // A measurement that cannot be read (a damaged row) keeps its warnings: it must not stop
      // the deletion or preset change that asked for the refresh.
      const analysis = PhotoAnalysis.safeParse(safeJson(row.analysis))
      if (!analysis.success) continue
      const near = this.nearDuplicatesOf(id)
      this.d.store.setWarnings(id, photoWarnings({ width: row.width, height: row.height, analysis: analysis.data }, presets, near))
    }
  }

  refreshAllWarnings(): void {
    this.d.db.transaction(() => this.refreshWarnings(this.d.store.allIds()))()
  }

  /** Deletes photos; returns how many existed. Files go after the transaction commits. */
  async delete(ids: string[]): Promise<{ deleted: number; productIds: string[] }> {
    const files: string[] = []
    const productIds = new Set<string>()
    let deleted = 0
    this.d.db.transaction(() => {
      for (const id of ids) {
        if (!this.d.store.get(id)) continue
        for (const p of this.d.store.productsOf(id)) productIds.add(p.id)
        const partners = this.nearDuplicatesOf(id).map((n) => n.photoId)
        const gone = this.d.store.delete(id)
        this.d.journal.add(gone)
        files.push(...gone)
        this.hashCache().delete(id)
        this.refreshWarnings(partners)
        deleted++
      }
    })()
    this.d.journal.settle(await this.d.media.remove(files))
    return { deleted, productIds: [...productIds] }
  }

  summaries(rows: SummaryRow[]): PhotoSummary[] {
    const warnings = this.d.store.warningsFor(rows.map((r) => r.id))
    return rows.map((r) => this.summary(r, warnings.get(r.id) ?? []))
  }

  summary(r: SummaryRow, warnings: PhotoWarning[]): PhotoSummary {
    const thumb: MediaFile | null = r.t_rel ? { relPath: r.t_rel, width: r.t_w!, height: r.t_h!, bytes: r.t_bytes!, mime: r.t_mime! } : null
    return {
      id: r.id, name: r.name, format: r.format, width: r.width, height: r.height, bytes: r.bytes, sha256: r.sha256,
      createdAt: r.created_at, warnings, thumb, productCount: r.product_count
    }
  }

  summaryOf(id: string): PhotoSummary {
    const row = this.d.store.summaryRows([id]).get(id)
    if (!row) throw notFound(id)
    return this.summary(row, this.d.store.warnings(id))
  }

  detail(id: string): PhotoDetail {
    const row = this.d.store.get(id)
    if (!row) throw notFound(id)
    const summary = this.summaryOf(id)
    const source = JSON.parse(row.source)
    const near = this.nearDuplicatesOf(id)
    const thumbs = this.d.store.summaryRows(near.map((n) => n.photoId))
    return {
      ...summary,
      source: { relPath: row.rel_path, mime: MIME[row.format], ...source },
      analysis: PhotoAnalysis.parse(JSON.parse(row.analysis)),
      renditions: this.d.store.renditions(id).map((r) => this.rendition(r)),
      products: this.d.store.productsOf(id),
      nearDuplicates: near.map((n) => {
        const t = thumbs.get(n.photoId)
        return { id: n.photoId, name: n.name, distance: n.distance, thumb: t?.t_rel ? { relPath: t.t_rel, width: t.t_w!, height: t.t_h!, bytes: t.t_bytes!, mime: t.t_mime! } : null }
      })
    }
  }

  rendition(r: RenditionRow): Rendition {
    return {
      preset: r.preset, relPath: r.rel_path, width: r.width, height: r.height, bytes: r.bytes, mime: r.mime, sha256: r.sha256,
      current: r.spec === this.d.presets.specs()[r.preset]
    }
  }

  /** The current rendition of a photo under `preset`, made now if missing or out of date. */
  ensureRendition(photoId: string, preset: PresetId): Promise<Rendition> {
    const row = this.d.store.get(photoId)
    if (!row) return Promise.reject(notFound(photoId))
    const have = this.d.store.rendition(photoId, preset)
    if (have && have.spec === this.d.presets.specs()[preset]) return Promise.resolve(this.rendition(have))
    const key = `${photoId}:${preset}`
    let p = this.inFlight.get(key)
    if (!p) {
      p = this.renderAndStore(row, preset).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, p)
    }
    return p
  }

  /** Makes one rendition from the stored original and saves it (replacing an older one). */
  async renderAndStore(row: PhotoRow, preset: PresetId): Promise<Rendition> {
    const presets = this.d.presets.get()
    const spec = this.d.presets.specs()[preset]
    const relPath = this.d.media.renditionRel(preset, row.id, spec, presets[preset].format === 'jpeg' ? 'jpg' : presets[preset].format)
    this.d.journal.add([relPath])
    const out = await this.d.engine.render({
      op: 'render', input: this.d.media.abs(row.rel_path), format: row.format, preset, spec: presets[preset], output: this.d.media.abs(relPath), limits: this.d.limits
    })
    const saved: RenditionRow = {
      photo_id: row.id, preset, spec, rel_path: relPath, sha256: out.sha256, width: out.width, height: out.height,
      bytes: out.bytes, mime: out.mime, created_at: this.d.clock.now().toISOString()
    }
    let replaced: string | null = null
    let gone = false
    this.d.db.transaction(() => {
      if (!this.d.store.get(row.id)) {
        gone = true
        return
      }
      replaced = this.d.store.putRendition(saved)
      this.d.journal.settle([relPath])
      if (replaced) this.d.journal.add([replaced])
    })()
    if (gone) {
      this.d.journal.settle(await this.d.media.remove([relPath]))
      throw notFound(row.id)
    }
    if (replaced) this.d.journal.settle(await this.d.media.remove([replaced]))
    return this.rendition(saved)
  }

  /** Renditions that are out of date or missing (eager presets), a page at a time. */
  staleWork(limit: number): Array<{ photoId: string; preset: PresetId }> {
    const presets = this.d.presets.get()
    const specs = this.d.presets.specs()
    const out: Array<{ photoId: string; preset: PresetId }> = []
    for (const preset of PRESET_IDS) {
      if (out.length >= limit) break
      for (const r of this.d.store.staleRenditions(preset, specs[preset], limit - out.length)) out.push({ photoId: r.photo_id, preset })
      if (presets[preset].eager && out.length < limit) {
        for (const id of this.d.store.photosMissing(preset, limit - out.length)) out.push({ photoId: id, preset })
      }
    }
    return out
  }

  /** The photos that look like this one, closest first (ties in the order they were added). */
  nearDuplicatesOf(id: string): NearDuplicate[] {
    return this.hashCache().nearTo(id)
  }

  /** Whether two photos look alike (either unknown: no). */
  looksAlike(a: string, b: string): boolean {
    return this.hashCache().alike(a, b)
  }

  /** Forgets the hashes held in memory (a commit that was rolled back may have added one): read again when next needed. */
  forgetHashes(): void {
    this.hashes = null
  }

  private hashCache(): HashIndex {
    this.hashes ??= new HashIndex(this.d.store.hashes().map((h) => ({ id: h.id, phash: h.phash, name: h.name, colour: h.colour ? (JSON.parse(h.colour) as number[]) : null })))
    return this.hashes
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function notFound(id: string) {
  return photoError(PhotoErrorCodes.notFound, `No photo with id ${id}.`, { id })
}
