// Watches listings in the pavilion's audit: pages through `product.list` (30 a call, newest
// changes first, back to the oldest listing still in audit) and moves each one to published, or
// to needs-fixing when the audit turned it down. One job per target, re-armed while anything waits.
import { z } from 'zod'
import { PAVILION_LANGUAGE, PublishTarget } from '../../../shared/domain/publish.ts'
import type { Services } from '../core.ts'
import { RetryLater, WaitForNetwork } from '../jobs/errors.ts'
import type { JobKind } from '../jobs/runner.ts'
import { PavilionError, reasonOf, type Reason } from './errors.ts'
import { errorColumns } from './listing-store.ts'
import type { ListingRow, ListingStore } from './listing-store.ts'
import { problem } from './mapping.ts'
import { backoffMs } from './outbox.ts'
import { formatPlatformTime } from './reconcile.ts'
import type { PublishTargets } from './targets.ts'
import { msg } from '../../../shared/messages/message.ts'

export const AUDIT_JOB = 'publish.audit'
const AuditPayload = z.object({ target: PublishTarget })
const MAX_PAGES = 2000
const SKEW_MS = 15 * 60_000

export interface AuditDeps {
  s: Services
  listings: ListingStore
  targets: PublishTargets
  pollMs(): number
  onAuthProblem(target: string, reason: Reason): void
  /** A listing approved but off display whose intent is publish: queue it to switch display on. */
  requeue(listing: ListingRow): void
}

/** A read is safe to repeat: a page that fails for a passing reason is asked again at once, a few times. */
async function withRetries<T>(read: () => Promise<T>, signal: AbortSignal, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read()
    } catch (err) {
      const passing = err instanceof PavilionError && (err.kind === 'transient' || err.kind === 'unknown_outcome')
      if (!passing || attempt >= tries || signal.aborted) throw err
      await new Promise((r) => setTimeout(r, 100 * attempt))
    }
  }
}

export class AuditWatcher {
  private readonly d: AuditDeps
  private failures = 0

  constructor(deps: AuditDeps) {
    this.d = deps
  }

  watch(target: PublishTarget): void {
    this.d.s.jobs.enqueue(AUDIT_JOB, { target }, { title: msg('publish:job.audit'), dedupeKey: `${AUDIT_JOB}:${target}` })
  }

  get job(): JobKind<z.infer<typeof AuditPayload>> {
    return {
      kind: AUDIT_JOB,
      payload: AuditPayload,
      concurrency: 2,
      maxAttempts: 0,
      unit: 'listings',
      requiresOnline: true,
      run: async (job) => {
        const { target } = job.payload
        try {
          const checked = await this.pass(target, job.signal)
          this.failures = 0
          const waiting = this.d.listings.auditLanguages(target).reduce((n, lang) => n + this.d.listings.inAudit(target, lang).length, 0)
          job.progress(checked, checked + waiting, waiting ? msg('publish:job.inAudit', { count: waiting }) : msg('publish:job.auditDone'))
          if (waiting > 0) throw new RetryLater(this.d.pollMs(), `${waiting} listing(s) in audit`, 'publish_audit_wait', { count: waiting })
          return { checked }
        } catch (err) {
          if (err instanceof RetryLater || err instanceof WaitForNetwork || job.signal.aborted) throw err
          const reason = reasonOf(err)
          if (err instanceof PavilionError) {
            // codes: passed on (reasonOf)
            if (err.kind === 'rate_limited') throw new RetryLater(err.retryAfterMs ?? 1000, err.message, reason.code, reason.params)
            if (err.kind === 'auth' || err.kind === 'credentials') {
              this.d.onAuthProblem(target, reason)
              // codes: passed on (reasonOf)
              throw new RetryLater(this.d.pollMs(), err.message, reason.code, reason.params)
            }
            if (err.kind === 'unreachable' && !(await this.d.s.connectivity.check()).online) throw new WaitForNetwork(err.message)
          }
          this.failures++
          // codes: passed on (reasonOf)
          throw new RetryLater(Math.min(30_000, backoffMs(this.failures)), reason.message, reason.code, reason.params)
        }
      }
    }
  }

  private async pass(target: PublishTarget, signal: AbortSignal): Promise<number> {
    const rt = await this.d.targets.runtime(target)
    let checked = 0
    for (const language of this.d.listings.auditLanguages(target)) {
      const waiting = new Map(this.d.listings.inAudit(target, language).filter((l) => l.remote_id).map((l) => [l.remote_id!, l]))
      if (waiting.size === 0) continue
      const oldest = Math.min(...[...waiting.values()].map((l) => Date.parse(l.submitted_at ?? l.updated_at)))
      const modifiedFrom = formatPlatformTime(oldest - SKEW_MS)
      for (let page = 1; page <= MAX_PAGES && waiting.size > 0; page++) {
        const res = await withRetries(() => rt.api.listProducts({ language: PAVILION_LANGUAGE[language].list, page, pageSize: 30, modifiedFrom }, signal), signal)
        for (const p of res.products) {
          const listing = waiting.get(p.id ?? p.product_id)
          if (!listing) continue
          checked++
          if (this.settle(listing, p.status, p.display, p.product_id)) waiting.delete(listing.remote_id!)
        }
        if (page * 30 >= res.total_item || res.products.length === 0) break
      }
    }
    return checked
  }

  /** Applies the pavilion's status; true when the listing left the audit. */
  private settle(listing: ListingRow, status: string, display: string, encryptedId: string): boolean {
    const now = this.d.s.clock.now().toISOString()
    const base = { remote_status: status, remote_display: display, remote_encrypted_id: encryptedId, updated_at: now }
    const emit = () => this.d.s.events.emit('data.changed', { entity: 'publish.listing', ids: [listing.id] })
    if (status === 'approved') {
      if ((display !== 'Y' && listing.intent === 'publish') || (display === 'Y' && listing.intent === 'unpublish')) {
        // The audit ended with the display not as the user wants it: the listing job switches it.
        this.d.listings.update(listing.id, { ...base, state: listing.intent === 'publish' ? 'queued' : 'unpublishing' })
        this.d.requeue({ ...listing, ...base })
      } else {
        this.d.listings.update(listing.id, { ...base, state: listing.intent === 'publish' ? 'published' : 'offline', published_at: now, ...errorColumns(null) })
      }
      this.d.listings.log(listing.id, now, 'approved', msg(display === 'Y' ? 'publish:detail.displayOn' : 'publish:detail.displayOff'))
      emit()
      return true
    }
    if (status === 'tbd' && listing.intent === 'unpublish') {
      this.d.listings.update(listing.id, { ...base, state: 'offline' })
      this.d.listings.log(listing.id, now, 'audit_rejected', msg('publish:detail.offlineAnyway'))
      emit()
      return true
    }
    if (status === 'tbd') {
      const problems = [problem('pavilion_audit_rejected', `texts.${listing.language}.title`, 'The Alibaba.com audit turned this listing down. Check the title, photos and description against the listing rules, then publish again.')]
      this.d.listings.update(listing.id, { ...base, state: 'needs_fixing', problems: JSON.stringify(problems), published_hash: null, ...errorColumns({ code: 'publish_audit_rejected', params: {}, message: problems[0].message }) })
      this.d.listings.log(listing.id, now, 'audit_rejected', null)
      emit()
      return true
    }
    this.d.listings.update(listing.id, base)
    return false
  }
}
