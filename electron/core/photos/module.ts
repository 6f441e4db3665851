// The photos area: wires the store, the library, product photos, the HEIC decoder and the jobs,
// provides the publishing area with pavilion-ready main images, and answers the contract.
import { availableParallelism } from 'node:os'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import { PhotoPresets, mergePresets } from '../../../shared/domain/photo-presets.ts'
import { validationError, zodIssues } from '../catalog/product-store.ts'
import { WARNING_CODES } from '../../../shared/domain/photo-quality.ts'
import type { CoreModule, Services } from '../core.ts'
import { BatchItems, planFiles, type PlannedItem } from './batch.ts'
import { PhotoErrorCodes } from './errors.ts'
import { PhotoEngineClient } from './engine/engine-client.ts'
import type { IngestDeps } from './ingest.ts'
import { ingestJob, renderJob } from './jobs.ts'
import { PhotoLibrary } from './library.ts'
import { photoMediaFiles } from './media-files.ts'
import { FileJournal } from './file-journal.ts'
import { MediaStore } from './media-store.ts'
import { PhotoStore } from './photo-store.ts'
import { PresetStore } from './presets.ts'
import { ProductPhotoService } from './product-photos.ts'
import { DEFAULT_LIMITS, type PipelineLimits } from './types.ts'
import { msg } from '../../../shared/messages/message.ts'

/**
 * Photos processed at once. Each sharp pipeline runs on one libuv thread (libvips concurrency
 * is 1 on glibc), so one photo per core keeps the cores busy without thrashing the caches.
 */
export const PHOTO_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()))

export interface PhotosOptions {
  limits?: Partial<PipelineLimits>
  concurrency?: number
}

/** Per product: how many photos it has and the thumbnail of its first main image (one query per 500). */
function primaryThumbs(db: Services['db'], ids: string[]) {
  const out: Array<{ productId: string; photos: number; thumb: { relPath: string; width: number; height: number; bytes: number; mime: string } | null }> = []
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = db.prepare(
      `SELECT pp.product_id, count(*) AS n,
         (SELECT json_object('relPath', r.rel_path, 'width', r.width, 'height', r.height, 'bytes', r.bytes, 'mime', r.mime)
            FROM product_photos f JOIN renditions r ON r.photo_id = f.photo_id AND r.preset = 'thumb'
           WHERE f.product_id = pp.product_id ORDER BY f.role = 'main' DESC, f.position LIMIT 1) AS thumb
       FROM product_photos pp WHERE pp.product_id IN (SELECT value FROM json_each(?)) GROUP BY pp.product_id`
    ).all(JSON.stringify(chunk)) as Array<{ product_id: string; n: number; thumb: string | null }>
    for (const r of rows) out.push({ productId: r.product_id, photos: r.n, thumb: r.thumb ? JSON.parse(r.thumb) : null })
  }
  return out
}

export function photosModule(s: Services, options: PhotosOptions = {}): CoreModule<'photos'> {
  const limits: PipelineLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const slots = options.concurrency ?? PHOTO_CONCURRENCY
  const store = new PhotoStore(s.db)
  const media = new MediaStore(s.paths.media, s.mediaGuard)
  const presets = new PresetStore(s.settings)
  // Image work runs in its own process (see engine/engine-client.ts).
  const engine = new PhotoEngineClient({ slots, tmpDir: media.tmpDir, log: s.log, script: s.options.photoEngine })
  const journal = new FileJournal(s.db, () => s.clock.now().toISOString())
  const library = new PhotoLibrary({ db: s.db, journal, store, media, presets, clock: s.clock, engine, limits })
  const productPhotos = new ProductPhotoService({ db: s.db, store, library, media, presets, clock: s.clock })
  const items = new BatchItems(s.db)
  s.productMedia.provider = productPhotos

  const pendingEvents = { photo: new Set<string>(), productPhotos: new Set<string>() }
  let flushTimer: NodeJS.Timeout | null = null
  const flush = () => {
    flushTimer = null
    for (const entity of ['photo', 'productPhotos'] as const) {
      if (pendingEvents[entity].size) s.events.emit('data.changed', { entity, ids: [...pendingEvents[entity]] })
      pendingEvents[entity].clear()
    }
  }
  const changed = (entity: 'photo' | 'productPhotos', ids: string[]) => {
    for (const id of ids) pendingEvents[entity].add(id)
    flushTimer ??= setTimeout(flush, 250)
  }

  const ingestDeps = (): IngestDeps => ({
    media, journal, engine, limits, presets: presets.get(), specs: presets.specs(), findBySha: (sha) => store.idBySha(sha)
  })
  const jobDeps = { s, items, library, productPhotos, ingestDeps, concurrency: slots + 1, changed }

  const productIdOf = (input: { productId?: string; sku?: string }): string | null => {
    if (input.productId) {
      s.products.get(input.productId)
      return input.productId
    }
    if (input.sku) {
      const id = s.products.findIdBySku(input.sku)
      if (!id) throw new AppError(ErrorCodes.notFound, `No product with SKU ${input.sku}`, { params: { sku: input.sku } })
      return id
    }
    return null
  }

  const afterProductChange = (productId: string) => {
    s.events.emit('data.changed', { entity: 'productPhotos', ids: [productId] })
  }

  return {
    area: 'photos',
    jobs: [ingestJob(jobDeps), renderJob(jobDeps)],
    mediaFiles: photoMediaFiles,
    start() {
      media.start()
      // Before any job resumes: files a crash left behind, which no photo refers to.
      const removed = journal.sweep((rel) => media.abs(rel))
      if (removed > 0) s.log.info(`photos: removed ${removed} file(s) left by an interrupted run`)
    },
    async stop() {
      if (flushTimer) clearTimeout(flushTimer)
      flush()
      await engine.close()
    },
    handlers: {
      add: (input, ctx) => {
        const productId = productIdOf(input)
        const planned: PlannedItem[] = []
        const chosen: Array<{ path: string; name?: string }> = []
        input.sources.forEach((ref) => {
          try {
            chosen.push({ path: s.files.resolve(ref, ctx), name: ref.kind === 'upload' ? ref.name : undefined })
          } catch (err) {
            if (!(err instanceof AppError) || err.code === ErrorCodes.forbidden) throw err
            // A missing or unreadable path is one failed file, not a failed batch.
            const name = ref.kind === 'path' ? ref.path : ref.name ?? ref.id
            planned.push({ source: name, name, fromFolder: false, error: { code: 'photo_unreadable', message: err.message } })
          }
        })
        planned.push(...planFiles(chosen))
        if (!planned.some((p) => !p.skip)) {
          const skipped = planned.length
          throw new AppError(PhotoErrorCodes.noFiles, skipped ? `The chosen folders hold no files to add (${skipped} skipped: links, hidden or special files).` : 'The chosen folders are empty.', { params: { skipped } })
        }
        const title = planned.length === 1 ? msg('photos:job.addOne', { name: planned[0].name }) : msg('photos:job.addMany', { count: planned.length })
        const job = s.db.transaction(() => {
          const j = s.jobs.enqueue('photos.ingest', { productId, as: input.as }, { title })
          items.insert(j.id, planned)
          return j
        })()
        return { jobId: job.id, files: planned.length }
      },
      list: (input) => {
        const { rows, total } = store.list(input)
        return { items: library.summaries(rows), total }
      },
      get: (input) => library.detail(input.id),
      delete: async (input) => {
        const r = await library.delete(input.ids)
        s.events.emit('data.changed', { entity: 'photo', ids: input.ids })
        for (const p of r.productIds) afterProductChange(p)
        return { deleted: r.deleted }
      },
      rendition: (input) => library.ensureRendition(input.id, input.preset),
      presets: () => presets.get(),
      updatePresets: (input) => {
        const merged = PhotoPresets.safeParse(mergePresets(presets.get(), input))
        if (!merged.success) throw validationError(zodIssues(merged.error), 'The rendition presets')
        const next = merged.data
        const jobId = s.db.transaction(() => {
          presets.set(next)
          library.refreshWarnings(store.allIds())
          const stale = library.staleWork(1).length > 0
          return stale ? s.jobs.enqueue('photos.render', {}, { title: msg('photos:job.render'), dedupeKey: 'photos.render' }).id : null
        })()
        s.events.emit('data.changed', { entity: 'photo', all: true })
        return { presets: presets.get(), jobId }
      },
      batch: (input) => {
        s.jobs.get(input.jobId)
        return { ...items.list(input.jobId, input.states, input.offset, input.limit), counts: items.counts(input.jobId), skippedBy: items.skippedBy(input.jobId) }
      },
      stats: () => {
        const st = store.stats()
        return { ...st, byWarning: Object.fromEntries(WARNING_CODES.map((c) => [c, st.byWarning[c] ?? 0])) as Record<(typeof WARNING_CODES)[number], number> }
      },
      productPhotos: (input) => productPhotos.get(input.productId),
      primaryThumbs: (input) => ({ items: primaryThumbs(s.db, input.productIds) }),
      attach: (input) => {
        const r = productPhotos.attach(input.productId, input.photoIds, input.as)
        afterProductChange(input.productId)
        return r
      },
      detach: (input) => {
        const r = productPhotos.detach(input.productId, input.photoIds)
        afterProductChange(input.productId)
        return r
      },
      arrange: (input) => {
        const r = productPhotos.arrange(input.productId, { main: input.main, extra: input.extra })
        afterProductChange(input.productId)
        return r
      },
      setPrimary: (input) => {
        const r = productPhotos.setPrimary(input.productId, input.photoId)
        afterProductChange(input.productId)
        return r
      }
    }
  }
}
