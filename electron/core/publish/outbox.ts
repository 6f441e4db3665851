// The outbox worker: one persisted job per listing brings the pavilion in line with the user's
// intent (publish / unpublish). Every write is recorded as pending before it is sent and settled
// after; a write whose outcome is unknown is reconciled before anything is re-sent, so restarts,
// crashes, timeouts and lost replies never create a listing twice.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../shared/contract/errors.ts'
import { PAVILION_LANGUAGE, type ListingState, type ReadinessProblem } from '../../../shared/domain/publish.ts'
import type { Services } from '../core.ts'
import { RetryLater, WaitForNetwork, JobStopped } from '../jobs/errors.ts'
import type { JobKind, RunningJob } from '../jobs/runner.ts'
import type { ListingImage } from '../platform/product-media.ts'
import type { PhotobankCache, RulesCache } from './caches.ts'
import { PavilionError, reasonOf, type Reason } from './errors.ts'
import { msg, type Message } from '../../../shared/messages/message.ts'
import { CLEAR_PENDING, errorColumns, type ListingPatch, type ListingRow, type ListingStore } from './listing-store.ts'
import { mapListing, problem, type ImageRef } from './mapping.ts'
import { findCreatedProduct, updateWasApplied } from './reconcile.ts'
import { checkReadiness, type Readiness } from './readiness.ts'
import { changedFields, fieldHashes } from './field-diff.ts'
import { listingContent } from './listing-content.ts'
import { buildValueXml, findField, valueAttributes, type FieldValue, type SchemaField } from './schema-xml.ts'
import type { PublishTargets, TargetRuntime } from './targets.ts'

export const LISTING_JOB = 'publish.listing'

export const ListingJobPayload = z.object({ listingId: z.string().min(1) })
export type ListingJobPayload = z.infer<typeof ListingJobPayload>

const RULES_MAX_AGE_MS = 7 * 24 * 3600_000

export interface OutboxDeps {
  s: Services
  listings: ListingStore
  rules: RulesCache
  photobank: PhotobankCache
  targets: PublishTargets
  settings: () => import('../../../shared/domain/publish.ts').PublishSettings
  /** Called when the seller sign-in or the app credentials stop working: the queue is paused. */
  onAuthProblem(target: string, reason: Reason): void
  /** Makes sure the audit watcher runs for a target. */
  watchAudit(target: string): void
}

/** The pavilion leaf category of a catalogue category: its own link or the nearest ancestor's. */
export function pavilionCategoryOf(categories: Services['categories'], categoryId: string | null): string | null {
  let id = categoryId
  for (let depth = 0; id && depth < 20; depth++) {
    let c
    try {
      c = categories.get(id)
    } catch {
      return null
    }
    if (c.pavilionCategoryId) return c.pavilionCategoryId
    id = c.parentId
  }
  return null
}

/** The category pictures some sale property values (a photo per colour). */
function valuePictures(fields: SchemaField[]): boolean {
  return (findField(fields, 'saleProp')?.children ?? []).some((c) => valueAttributes(c).includes('fileId'))
}

/** Exponential backoff with full jitter, 1 s … 5 min. */
export function backoffMs(failures: number): number {
  const cap = Math.min(300_000, 1000 * 2 ** Math.min(failures, 12))
  return Math.round(cap / 2 + Math.random() * (cap / 2))
}

/** Problems a pavilion refusal maps to (codes from pavilion-api.md §1.6). */
export function pavilionProblems(codes: string[], messages: string[], language: string): ReadinessProblem[] {
  const fieldFor = (code: string): string => {
    if (/LADDER|PRICE/.test(code)) return 'trade.ladder'
    if (/MINSIZE|QUALITY/.test(code)) return 'trade.moq'
    if (/IMAGE/.test(code)) return 'images'
    if (/CAT/.test(code)) return 'categoryId'
    if (/PROPERTY/.test(code)) return 'attributes'
    return `texts.${language}.title`
  }
  const list = codes.length ? codes : ['PUB_BIZCHECK_UNKNOWN']
  return list.map((code, i) => problem(`pavilion_${code}`, fieldFor(code), `Alibaba.com refused the listing: ${messages[i] ?? messages[0] ?? code}`, { pavilionCode: code, detail: messages[i] ?? messages[0] ?? '' }))
}

export class Outbox {
  private readonly d: OutboxDeps
  private readonly uploads = new Map<string, Promise<ImageRef>>()

  constructor(deps: OutboxDeps) {
    this.d = deps
  }

  get listingJob(): JobKind<ListingJobPayload> {
    return {
      kind: LISTING_JOB,
      payload: ListingJobPayload,
      concurrency: this.d.settings().concurrency,
      // Failures are counted on the listing (bans and offline waits are not failures).
      maxAttempts: 0,
      requiresOnline: true,
      run: (job) => this.run(job)
    }
  }

  private now(): string {
    return this.d.s.clock.now().toISOString()
  }

  private set(listing: ListingRow, patch: ListingPatch, event?: string, detail?: Message | null): void {
    const now = this.now()
    this.d.listings.update(listing.id, { ...patch, updated_at: now })
    if (event) this.d.listings.log(listing.id, now, event, detail ?? null)
    this.d.s.events.emit('data.changed', { entity: 'publish.listing', ids: [listing.id] })
  }

  private async run(job: RunningJob<ListingJobPayload>): Promise<unknown> {
    for (let round = 0; round < 10; round++) {
      const listing = this.d.listings.get(job.payload.listingId)
      if (!listing) return { skipped: 'listing removed' }
      const version = listing.intent_version
      let rt: TargetRuntime
      try {
        rt = await this.d.targets.runtime(listing.target)
      } catch (err) {
        return this.fail(listing, err, job)
      }
      let outcome: unknown
      try {
        outcome = listing.intent === 'publish' ? await this.publish(listing, rt, job) : await this.unpublish(listing, rt, job)
      } catch (err) {
        return this.fail(this.d.listings.get(listing.id) ?? listing, err, job)
      }
      const after = this.d.listings.get(listing.id)
      if (!after || after.intent_version === version) return outcome
      // The user changed their mind while we worked: bring the pavilion in line with the new intent.
    }
    return { note: 'intent kept changing' }
  }

  // ---- publish ----

  private async publish(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>): Promise<unknown> {
    if (listing.pending_op) listing = await this.reconcile(listing, rt, job)
    const s = this.d.s
    let product
    try {
      product = s.products.get(listing.product_id)
    } catch {
      this.set(listing, { state: 'failed', ...errorColumns({ code: 'publish_product_deleted', params: {}, message: 'The product was deleted from the catalogue.' }) }, 'failed', msg('publish:error.publish_product_deleted'))
      return { state: 'failed' }
    }
    const catId = pavilionCategoryOf(s.categories, product.categoryId)
    const content = listingContent(s, product)
    const images = content.images
    const family = product.familyId ? s.families.get(product.familyId) : undefined
    const language = PAVILION_LANGUAGE[listing.language].schema
    let fields: SchemaField[] | null = null
    if (catId) {
      const rules = await this.rulesFor(rt, catId, language, job)
      if ('problems' in rules) {
        this.set(listing, { state: 'needs_fixing', problems: JSON.stringify(rules.problems), ...CLEAR_PENDING }, 'needs_fixing', null)
        return { state: 'needs_fixing' }
      }
      fields = rules.fields
    }
    const readiness = checkReadiness({
      product, family, language: listing.language, pavilionCategoryId: catId, schema: fields, images, eurToUsd: this.d.settings().eurToUsd,
      variants: content.variants
    })
    if (!readiness.ready || !fields || !catId || !readiness.contentHash) {
      const problems = readiness.problems.filter((p) => p.severity !== 'warning')
      this.set(listing, { state: 'needs_fixing', problems: JSON.stringify(problems), cat_id: catId }, 'needs_fixing', null)
      return { state: 'needs_fixing', problems: problems.length }
    }
    if (listing.remote_id && listing.published_hash === readiness.contentHash) return this.ensureOnDisplay(listing, rt, job, 'unchanged')

    job.throwIfStopped()
    // Photos already in this account's photobank need no upload step (nor its state change).
    // A variant's first photo is uploaded where the category pictures each value (a colour).
    const pictured = content.variants && valuePictures(fields) ? content.variants.filter((v) => v.images.length > 0) : []
    const all = [...images.slice(0, 6), ...pictured.map((v) => v.images[0])]
    const uncached = all.some((img) => !this.d.photobank.get(rt.target, rt.account, img.sha256))
    if (uncached) this.set(listing, { state: 'uploading_images', cat_id: catId, problems: null })
    const refs = await this.uploadImages(rt, images, job)
    const variantRefs = new Map<string, ImageRef>()
    for (const v of pictured) variantRefs.set(v.product.id, (await this.uploadImages(rt, v.images.slice(0, 1), job))[0])
    const mapped = mapListing({
      product, family, language: listing.language, fields, images: refs, eurToUsd: this.d.settings().eurToUsd,
      variants: content.variants?.map((v) => ({ product: v.product, images: variantRefs.has(v.product.id) ? [variantRefs.get(v.product.id)!] : [] }))
    })
    return this.submit(listing, rt, job, { catId, language, values: mapped.values, readiness, title: mapped.title, imageUrls: refs.map((r) => r.url) })
  }

  private async submit(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>,
    w: { catId: string; language: string; values: FieldValue[]; readiness: Readiness; title: string; imageUrls: string[] }): Promise<unknown> {
    job.throwIfStopped()
    const op = listing.remote_id ? 'update' : 'add'
    // An update sends only what changed since the last publish (the whole document when unknown).
    const send = op === 'add' ? w.values : changedFields(w.values, listing.published_fields ? JSON.parse(listing.published_fields) as Record<string, string> : null)
    const fields = JSON.stringify(fieldHashes(w.values))
    if (send.length === 0) {
      this.set(listing, { published_hash: w.readiness.contentHash, published_fields: fields }, 'unchanged', msg('publish:detail.nothingToSend'))
      return this.ensureOnDisplay(this.d.listings.get(listing.id)!, rt, job, 'unchanged')
    }
    const now = this.now()
    // Recorded before sending: if we die before the reply is recorded, the next run reconciles.
    this.d.s.db.transaction(() => {
      this.set(listing, {
        state: 'submitting', pending_op: op, pending_hash: w.readiness.contentHash, pending_title: w.title,
        pending_images: JSON.stringify(w.imageUrls), pending_since: now, pending_fields: fields, cat_id: w.catId
      }, op === 'add' ? 'submit' : 'update', op === 'update' ? msg('publish:detail.changedFields', { count: send.length }) : null)
      job.checkpointNow({ op, since: now })
    })()
    const request = { catId: w.catId, language: w.language, xml: buildValueXml(send), productId: listing.remote_id ?? undefined }
    let result
    try {
      result = op === 'add' ? await rt.api.schemaAdd(request, job.signal) : await rt.api.schemaUpdate(request, job.signal)
    } catch (err) {
      // Refused before it was carried out: nothing to reconcile.
      if (err instanceof PavilionError && ['rate_limited', 'auth', 'credentials', 'unreachable', 'not_available', 'rejected'].includes(err.kind)) {
        this.set(listing, { ...CLEAR_PENDING })
      }
      throw err
    }
    const fresh = this.d.listings.get(listing.id)!
    if (result.ok) {
      this.d.s.db.transaction(() => {
        this.set(fresh, {
          ...CLEAR_PENDING, state: 'in_audit', remote_id: result.productId, remote_status: 'auditing', published_hash: w.readiness.contentHash, published_fields: fields,
          submitted_at: this.now(), failures: 0, error_code: null, error_message: null, problems: null
        }, 'accepted', msg('publish:detail.remoteId', { id: result.productId }))
      })()
      this.d.watchAudit(listing.target)
      return { state: 'in_audit', remoteId: result.productId }
    }
    if (result.codes.includes('PUB_BIZCHECK_PRODUCT_IN_AUDITING')) {
      this.set(fresh, { ...CLEAR_PENDING, state: 'queued', ...errorColumns({ code: 'publish_in_audit', params: {}, message: 'Waiting for the pavilion to finish auditing the previous change.' }) }, 'wait', msg('publish:error.publish_in_audit'))
      throw new RetryLater(Math.max(2000, this.d.settings().auditPollSeconds * 1000), 'waiting for the pavilion audit', 'publish_in_audit')
    }
    const problems = pavilionProblems(result.codes, result.messages, listing.language)
    this.set(fresh, { ...CLEAR_PENDING, state: 'needs_fixing', problems: JSON.stringify(problems), ...errorColumns(null) }, 'refused', null)
    return { state: 'needs_fixing', codes: result.codes }
  }

  /** A listing already on the pavilion with the same content: only its display may need switching on. */
  private async ensureOnDisplay(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>, why: string): Promise<unknown> {
    if (listing.remote_display === 'N' && listing.remote_status === 'approved') {
      await this.switchDisplay(listing, rt, job, true)
      return { state: 'published', display: 'on' }
    }
    const state: ListingState = listing.remote_status === 'approved' ? 'published' : listing.remote_status === 'tbd' ? 'needs_fixing' : 'in_audit'
    this.set(listing, { state, failures: 0, ...errorColumns(null) }, why)
    if (state === 'in_audit') this.d.watchAudit(listing.target)
    return { state, unchanged: true }
  }

  // ---- unpublish ----

  private async unpublish(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>): Promise<unknown> {
    if (listing.pending_op) listing = await this.reconcile(listing, rt, job)
    if (!listing.remote_id) {
      this.set(listing, { state: 'offline', ...errorColumns(null) }, 'offline', msg('publish:detail.neverPublished'))
      return { state: 'offline' }
    }
    // In audit, the audit's end may put the product on display again: keep watching it.
    const inAudit = ['auditing', 'new', 'modified'].includes(listing.remote_status ?? '')
    if (listing.remote_display === 'N' && !inAudit) {
      this.set(listing, { state: 'offline', ...errorColumns(null) }, 'offline', msg('publish:detail.alreadyOff'))
      return { state: 'offline' }
    }
    this.set(listing, { state: 'unpublishing' })
    await this.switchDisplay(listing, rt, job, false, inAudit ? 'in_audit' : undefined)
    if (inAudit) this.d.watchAudit(listing.target)
    return { state: 'offline' }
  }

  private async switchDisplay(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>, on: boolean, finalState?: ListingState): Promise<void> {
    const lang = PAVILION_LANGUAGE[listing.language].list
    let encrypted = listing.remote_encrypted_id
    if (!encrypted) {
      encrypted = (await rt.api.getProduct(listing.remote_id!, lang, job.signal)).product_id
      this.set(listing, { remote_encrypted_id: encrypted })
    }
    job.throwIfStopped()
    this.set(listing, { pending_op: on ? 'display_on' : 'display_off', pending_since: this.now() })
    let res
    try {
      res = await rt.api.setDisplay([encrypted], on, job.signal)
    } catch (err) {
      if (err instanceof PavilionError && ['rate_limited', 'auth', 'credentials', 'unreachable', 'not_available', 'rejected'].includes(err.kind)) this.set(listing, { ...CLEAR_PENDING })
      throw err
    }
    if (!res.ok) {
      const reason: Reason = { code: 'publish_display_failed', params: { code: String(res.code ?? ''), detail: String(res.message ?? '') }, message: `Alibaba.com did not ${on ? 'show' : 'hide'} the listing: ${res.message ?? res.code}` }
      this.set(listing, { ...CLEAR_PENDING, state: 'failed', ...errorColumns(reason) }, 'failed', msg(`publish:error.${reason.code}`, reason.params))
      // codes: passed on (reasonOf)
      throw new AppError(reason.code, reason.message, { params: reason.params })
    }
    this.set(listing, {
      ...CLEAR_PENDING, state: finalState ?? (on ? 'published' : 'offline'), remote_display: on ? 'Y' : 'N', failures: 0, ...errorColumns(null),
      ...(on ? { published_at: this.now() } : {})
    }, on ? 'display_on' : 'display_off')
  }

  // ---- reconciliation ----

  private async reconcile(listing: ListingRow, rt: TargetRuntime, job: RunningJob<ListingJobPayload>): Promise<ListingRow> {
    const deps = {
      api: rt.api,
      listLanguage: PAVILION_LANGUAGE[listing.language].list,
      claimedBy: (remoteId: string) => this.d.listings.claimedBy(listing.target, listing.language, remoteId)
    }
    const op = listing.pending_op
    if (op === 'add') {
      const found = await findCreatedProduct(listing, deps, job.signal)
      if (found) {
        const remoteId = found.id ?? found.product_id
        this.set(listing, {
          ...CLEAR_PENDING, state: 'in_audit', remote_id: remoteId, remote_encrypted_id: found.product_id, remote_status: found.status || 'auditing',
          remote_display: found.display || null, published_hash: listing.pending_hash, published_fields: listing.pending_fields, submitted_at: listing.pending_since
        }, 'reconciled', msg('publish:detail.foundCreated', { id: remoteId }))
        this.d.watchAudit(listing.target)
      } else {
        this.set(listing, { ...CLEAR_PENDING }, 'reconciled', msg('publish:detail.notCreated'))
      }
    } else if (op === 'update') {
      const { applied, product } = await updateWasApplied(listing, deps, job.signal)
      this.set(listing, {
        ...CLEAR_PENDING, remote_encrypted_id: product.product_id, remote_status: product.status, remote_display: product.display,
        ...(applied ? { published_hash: listing.pending_hash, published_fields: listing.pending_fields, state: 'in_audit' as const, submitted_at: listing.pending_since } : {})
      }, 'reconciled', msg(applied ? 'publish:detail.updateApplied' : 'publish:detail.updateNotApplied'))
      if (applied) this.d.watchAudit(listing.target)
    } else if (op === 'display_on' || op === 'display_off') {
      const product = await rt.api.getProduct(listing.remote_encrypted_id ?? listing.remote_id!, deps.listLanguage, job.signal)
      this.set(listing, { ...CLEAR_PENDING, remote_display: product.display, remote_status: product.status, remote_encrypted_id: product.product_id }, 'reconciled', msg(product.display === 'Y' ? 'publish:detail.displayOn' : 'publish:detail.displayOff'))
    }
    return this.d.listings.get(listing.id)!
  }

  // ---- rules and images ----

  /** Cached rules, refreshed when older than a week (a stale copy is used when the fetch fails). */
  private async rulesFor(rt: TargetRuntime, catId: string, language: string, job: RunningJob<ListingJobPayload>): Promise<{ fields: SchemaField[] } | { problems: ReadinessProblem[] }> {
    const cached = this.d.rules.get(rt.target, catId, language)
    if (cached && this.d.s.clock.now().getTime() - Date.parse(cached.fetchedAt) < RULES_MAX_AGE_MS) return cached
    try {
      const res = await rt.api.schemaGet(catId, language, job.signal)
      if (!res.ok) {
        return { problems: [problem('category_rules_unavailable', 'categoryId', `Alibaba.com has no usable rules for category ${catId}: ${res.messages.join('; ') || res.codes.join('; ')}`, { categoryId: catId, detail: res.messages.join('; ') || res.codes.join('; ') })] }
      }
      return this.d.rules.put(rt.target, catId, language, res.xml, this.now())
    } catch (err) {
      if (cached) return cached
      if (err instanceof PavilionError) throw err
      throw new PavilionError('transient', `The category rules could not be read: ${(err as Error).message}`, { code: 'bad_rules' })
    }
  }

  /** Photobank uploads, once per content hash and account (also across listings running at once). */
  private async uploadImages(rt: TargetRuntime, images: ListingImage[], job: RunningJob<ListingJobPayload>): Promise<ImageRef[]> {
    const refs: ImageRef[] = []
    for (const img of images.slice(0, 6)) {
      const cached = this.d.photobank.get(rt.target, rt.account, img.sha256)
      if (cached) {
        refs.push(cached)
        continue
      }
      const key = `${rt.target}|${rt.account}|${img.sha256}`
      let p = this.uploads.get(key)
      if (!p) {
        p = this.uploadOnce(rt, img, job).finally(() => this.uploads.delete(key))
        this.uploads.set(key, p)
      }
      refs.push(await p)
      job.throwIfStopped()
    }
    return refs
  }

  /**
   * One photo into the photobank, exactly once. The upload is recorded before it is sent; an
   * upload whose outcome is unknown (lost reply, timeout, crash) is looked up in the photobank by
   * its name — which carries the content hash — before anything is sent again.
   */
  private async uploadOnce(rt: TargetRuntime, img: ListingImage, job: RunningJob<ListingJobPayload>): Promise<ImageRef> {
    const bank = this.d.photobank
    const bytes = readFileSync(img.path)
    const ext = img.mime === 'image/png' ? 'png' : 'jpg'
    const fileName = `vetrina${img.sha256.slice(0, 24)}.${ext}`
    const earlier = bank.pending(rt.target, rt.account, img.sha256)
    if (earlier) {
      // Throws when the photobank cannot be searched now: the job retries, nothing is sent blindly.
      const found = await this.findUploaded(rt, earlier.fileName, earlier.startedAt, job)
      if (found) {
        bank.uploaded(rt.target, rt.account, img.sha256, found, bytes.length, this.now())
        return found
      }
    }
    const startedAt = this.now()
    bank.beginUpload(rt.target, rt.account, img.sha256, fileName, startedAt)
    let up: ImageRef
    try {
      up = await rt.api.uploadImage(bytes, fileName, img.mime, job.signal)
    } catch (err) {
      const maybeSent = job.signal.aborted || !(err instanceof PavilionError) || err.kind === 'unknown_outcome' || err.kind === 'transient'
      if (!maybeSent) bank.notUploaded(rt.target, rt.account, img.sha256)
      else if (!job.signal.aborted) {
        const found = await this.findUploaded(rt, fileName, startedAt, job).catch(() => null)
        if (found) {
          bank.uploaded(rt.target, rt.account, img.sha256, found, bytes.length, this.now())
          return found
        }
      }
      throw err
    }
    bank.uploaded(rt.target, rt.account, img.sha256, up, bytes.length, this.now())
    return up
  }

  /** One page of the photobank; a read is safe to repeat, so a failed one is tried again at once. */
  private async readPage(rt: TargetRuntime, page: number, job: RunningJob<ListingJobPayload>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await rt.api.listImages(page, 50, job.signal)
      } catch (err) {
        const retryable = err instanceof PavilionError && (err.kind === 'unknown_outcome' || err.kind === 'transient')
        if (!retryable || attempt >= 4 || job.signal.aborted) throw err
        await new Promise((r) => setTimeout(r, 100 * attempt))
      }
    }
  }

  /**
   * Searches the photobank, newest first, for an image we sent at `since` or later; stops at the
   * end of the photobank or once the images are older than the upload (with a day's margin for
   * clocks). Null: it is not there.
   */
  private async findUploaded(rt: TargetRuntime, fileName: string, since: string, job: RunningJob<ListingJobPayload>): Promise<ImageRef | null> {
    const sinceMs = Date.parse(since) - 24 * 3600_000
    for (let page = 1; page <= 200; page++) {
      const images = await this.readPage(rt, page, job)
      const hit = images.find((i) => i.fileName === fileName)
      if (hit) return { fileId: hit.fileId, url: hit.url }
      if (images.length < 50) return null
      const oldest = Math.min(...images.map((i) => i.modifiedAt ?? Number.POSITIVE_INFINITY))
      if (oldest < sinceMs) return null
    }
    return null
  }

  // ---- failures ----

  private async fail(listing: ListingRow, err: unknown, job: RunningJob<ListingJobPayload>): Promise<never> {
    if (err instanceof JobStopped || job.signal.aborted) {
      // Paused or stopping: show it as queued again unless a write awaits reconciliation.
      const current = this.d.listings.get(listing.id)
      if (current && !current.pending_op && ['uploading_images', 'submitting', 'unpublishing'].includes(current.state)) this.set(current, { state: 'queued' })
      throw err instanceof JobStopped ? err : new JobStopped((job.signal.reason as JobStopped | undefined)?.reason ?? 'cancel')
    }
    if (err instanceof RetryLater || err instanceof WaitForNetwork) throw err
    const settings = this.d.settings()
    const reason = reasonOf(err)
    const said = msg(`publish:error.${reason.code}`, reason.params)
    if (err instanceof PavilionError) {
      switch (err.kind) {
        case 'rate_limited': {
          const wait = (err.retryAfterMs ?? 1000) + Math.round(Math.random() * 250)
          this.set(listing, { state: 'queued', ...errorColumns(reason) }, 'wait', said)
          // codes: passed on (reasonOf)
          throw new RetryLater(wait, err.message, reason.code, reason.params)
        }
        case 'auth':
        case 'credentials':
        case 'not_available': {
          this.set(listing, { state: 'queued', ...errorColumns(reason) }, 'stopped', said)
          this.d.onAuthProblem(listing.target, reason)
          // codes: passed on (reasonOf)
          throw new RetryLater(1000, err.message, reason.code, reason.params)
        }
        case 'unreachable': {
          const status = await this.d.s.connectivity.check()
          this.set(listing, { state: 'queued', ...errorColumns({ code: 'publish_offline', params: {}, message: err.message }) })
          if (!status.online) throw new WaitForNetwork(err.message)
          break
        }
        case 'rejected': {
          this.set(listing, { state: 'failed', ...errorColumns(reason) }, 'failed', said)
          // codes: passed on (reasonOf)
          throw new AppError(reason.code, err.message, { params: reason.params })
        }
        default:
          break
      }
    } else if (err instanceof AppError && err.code === 'publish_no_credentials') {
      // Nothing can be sent until someone signs in: stop the queue and keep the listing waiting.
      this.set(listing, { state: 'queued', ...errorColumns(reason) }, 'stopped', said)
      this.d.onAuthProblem(listing.target, reason)
      // codes: passed on (reasonOf)
      throw new RetryLater(1000, err.message, reason.code, reason.params)
    } else if (err instanceof AppError) {
      this.set(listing, { state: 'failed', ...errorColumns(reason) }, 'failed', said)
      throw err
    }
    // Temporary: count it, back off, and give up (retryable by hand) after maxFailures.
    const failures = listing.failures + 1
    if (!(err instanceof PavilionError)) this.d.s.log.error(`publishing listing ${listing.id} failed`, err)
    if (failures >= settings.maxFailures) {
      const gaveUp: Reason = { code: 'publish_failed', params: { failures, reason: reason.code }, message: `Gave up after ${failures} attempts: ${reason.message}` }
      this.set(listing, { state: 'failed', failures, ...errorColumns(reason) }, 'failed', said)
      // codes: publish_failed
      throw new AppError(gaveUp.code, gaveUp.message, { params: { ...reason.params, ...gaveUp.params } })
    }
    const wait = backoffMs(failures)
    this.set(listing, { state: 'queued', failures, ...errorColumns(reason) }, 'retry', msg('publish:detail.retryIn', { seconds: Math.round(wait / 1000) }))
    // codes: passed on (reasonOf)
    throw new RetryLater(wait, reason.message, reason.code, reason.params)
  }
}
