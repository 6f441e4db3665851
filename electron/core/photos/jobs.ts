// The photo jobs. "photos.ingest" adds a batch of files: a few at a time (within the shared
// CPU budget), committed a few at a time together with their batch items, so a cancel or a
// pause loses nothing done, a crash at most the last fraction of a second, and the job resumes
// with the files left.
// "photos.render" makes again the renditions whose preset changed.
import { z } from 'zod'
import { PhotoRole } from '../../../shared/contract/photos.ts'
import { AppError } from '../../../shared/contract/errors.ts'
import type { Services } from '../core.ts'
import { JobStopped } from '../jobs/errors.ts'
import type { JobKind } from '../jobs/runner.ts'
import { PhotoErrorCodes } from './errors.ts'
import type { BatchItems } from './batch.ts'
import { ImageRefs, orderByRefs } from './image-refs.ts'
import { prepareFile, type FileOutcome, type IngestDeps } from './ingest.ts'
import type { PhotoLibrary } from './library.ts'
import type { ProductPhotoService } from './product-photos.ts'
import { msg } from '../../../shared/messages/message.ts'

export const IngestPayload = z.object({ productId: z.string().nullable(), as: PhotoRole })
export type IngestPayload = z.infer<typeof IngestPayload>

interface JobDeps {
  s: Services
  items: BatchItems
  library: PhotoLibrary
  productPhotos: ProductPhotoService
  ingestDeps(): IngestDeps
  /** Files in progress at once: one more than the CPU budget, so copying and hashing overlap decoding. */
  concurrency: number
  /** Batches data.changed events (a batch may add many photos a second). */
  changed(entity: 'photo' | 'productPhotos', ids: string[]): void
}

const COMMIT_EVERY = 4
const COMMIT_WAIT_MS = 250

/** Errors that would fail every following file too: stop the job rather than fail them all. */
const SYSTEMIC = new Set(['ENOSPC', 'EDQUOT', 'EROFS'])

export function ingestJob(d: JobDeps): JobKind<IngestPayload> {
  return {
    kind: 'photos.ingest',
    payload: IngestPayload,
    unit: 'files',
    concurrency: 1,
    async run(job) {
      const { s, items, library, productPhotos } = d
      const pending = items.pending(job.id)
      const counts = items.counts(job.id)
      const total = pending.length + counts.added + counts.duplicate + counts.failed + counts.skipped
      let done = total - pending.length
      job.progress(done, total, pending.length ? null : msg('photos:job.nothingLeft'))
      const deps = d.ingestDeps()
      // Without a product chosen, files named in an imported spreadsheet go to those products.
      const refs = job.payload.productId ? null : new ImageRefs(s.db)
      const refPositions = new Map<string, Map<string, number>>()
      // Files are processed a few at a time but committed in the order they were chosen, so a
      // product's photos keep that order.
      const ready = new Map<number, FileOutcome>()
      let nextCommit = 0
      // Every file that is ready, in order, in one transaction (often one, sometimes several).
      const commitReady = async () => {
        const batch: Array<{ seq: number; name: string; outcome: FileOutcome }> = []
        while (ready.has(nextCommit)) {
          const item = pending[nextCommit]
          batch.push({ seq: item.seq, name: item.name, outcome: ready.get(nextCommit)! })
          ready.delete(nextCommit)
          nextCommit++
        }
        if (batch.length === 0) return
        let orphans: string[]
        try {
          orphans = s.db.transaction(() => batch.flatMap((b) => commit(b.seq, b.name, b.outcome)))()
        } catch (err) {
          // Rolled back: the library's hashes in memory may name photos that are not there.
          library.forgetHashes()
          throw err
        }
        if (orphans.length) deps.journal.settle(await deps.media.remove(orphans))
        done += batch.length
        job.progress(done, total, msg('photos:job.lastFile', { name: batch[batch.length - 1].name }))
      }
      // Committed a few at a time (one transaction, one write of the catalogue's log, for every
      // COMMIT_EVERY photos); finished work waits at most COMMIT_WAIT_MS, and a crash meanwhile only
      // means those files are done again (their renditions are journalled).
      let timer: NodeJS.Timeout | null = null
      let timed: Promise<void> = Promise.resolve()
      const readyInOrder = () => {
        let n = 0
        while (ready.has(nextCommit + n)) n++
        return n
      }
      const commitSoon = async () => {
        if (readyInOrder() >= COMMIT_EVERY) return commitReady()
        timer ??= setTimeout(() => {
          timer = null
          timed = commitReady().catch((err) => {
            fatal ??= err
          })
        }, COMMIT_WAIT_MS)
      }
      const commitRest = async () => {
        if (timer) clearTimeout(timer)
        timer = null
        await timed
        await commitReady()
      }
      const commit = (seq: number, name: string, outcome: FileOutcome): string[] => {
        if (outcome.kind === 'failed') {
          items.settle(job.id, seq, { state: 'failed', code: outcome.error.code, message: outcome.error.message, params: outcome.error.params })
          return []
        }
        if (outcome.kind === 'skipped') {
          items.settle(job.id, seq, { state: 'skipped', reason: outcome.reason })
          return []
        }
        let photoId = outcome.kind === 'duplicate' ? outcome.photoId : outcome.photo.id
        let added = false
        let orphans: string[] = []
        if (outcome.kind === 'added') {
          const c = library.commit(outcome.photo)
          photoId = c.photoId
          added = c.added
          orphans = c.orphanFiles
          d.changed('photo', [photoId, ...c.touched])
        }
        if (job.payload.productId) productPhotos.attachInTx(job.payload.productId, [photoId], job.payload.as)
        for (const ref of refs?.productsFor(name) ?? []) {
          productPhotos.attachInTx(ref.productId, [photoId], 'main')
          const positions = refPositions.get(ref.productId) ?? new Map<string, number>()
          positions.set(photoId, ref.position)
          refPositions.set(ref.productId, positions)
          d.changed('productPhotos', [ref.productId])
        }
        items.settle(job.id, seq, { state: added ? 'added' : 'duplicate', photoId })
        return orphans
      }
      let next = 0
      let fatal: unknown = null
      const worker = async () => {
        while (next < pending.length && !job.signal.aborted && !fatal) {
          const index = next++
          const item = pending[index]
          try {
            const outcome: FileOutcome = await prepareFile(item.source, item.name, deps, item.from_folder === 1).catch((err: NodeJS.ErrnoException) => {
              // Vetrina is closing: the file stays pending and the job resumes at the next start.
              if (err?.code === PhotoErrorCodes.engineClosed) throw new JobStopped('shutdown')
              if (err?.code && SYSTEMIC.has(err.code)) throw err
              s.log.error(`photo ${item.source} failed unexpectedly`, err)
              return { kind: 'failed' as const, error: new AppError('photo_failed', `The photo could not be processed: ${err?.message ?? err}.`, { params: { detail: String(err?.message ?? err) } }) }
            })
            ready.set(index, outcome)
            await commitSoon()
          } catch (err) {
            // A full disk (the other files would fail the same way) or a shutdown: stop; the files left stay pending.
            fatal ??= err
          }
        }
      }
      await Promise.all(Array.from({ length: d.concurrency }, worker))
      // What is finished is kept, even when the job stops here.
      await commitRest()
      if (fatal) throw fatal
      if (job.payload.productId) d.changed('productPhotos', [job.payload.productId])
      if (refPositions.size > 0) {
        s.db.transaction(() => {
          for (const [productId, positions] of refPositions) productPhotos.rearrangeInTx(productId, (a) => orderByRefs(a, positions))
        })()
      }
      job.throwIfStopped()
      const final = items.counts(job.id)
      return { added: final.added, duplicates: final.duplicate, failed: final.failed, skipped: final.skipped, skippedBy: items.skippedBy(job.id), failures: items.failures(job.id, 50) }
    }
  }
}

const RenderPayload = z.object({})

export function renderJob(d: JobDeps): JobKind<z.infer<typeof RenderPayload>> {
  return {
    kind: 'photos.render',
    payload: RenderPayload,
    concurrency: 1,
    async run(job) {
      const { library, s } = d
      const failed = new Set<string>()
      let made = 0
      let total = library.staleWork(1_000_000).length
      job.progress(0, total, null)
      for (;;) {
        job.throwIfStopped()
        const page = library.staleWork(200 + failed.size).filter((w) => !failed.has(`${w.photoId}:${w.preset}`)).slice(0, 200)
        if (page.length === 0) break
        let next = 0
        const worker = async () => {
          while (next < page.length && !job.signal.aborted) {
            const w = page[next++]
            const row = library.row(w.photoId)
            if (!row) continue
            try {
              await library.renderAndStore(row, w.preset)
              made++
              d.changed('photo', [w.photoId])
            } catch (err) {
              if ((err as { code?: string })?.code === PhotoErrorCodes.engineClosed) throw new JobStopped('shutdown')
              failed.add(`${w.photoId}:${w.preset}`)
              s.log.warn(`cannot make the ${w.preset} rendition of photo ${w.photoId}`, err)
            }
            total = Math.max(total, made + failed.size)
            job.progress(made + failed.size, total, null)
          }
        }
        await Promise.all(Array.from({ length: d.concurrency }, worker))
      }
      job.throwIfStopped()
      return { made, failed: failed.size }
    }
  }
}
