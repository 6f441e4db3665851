// The publish area: readiness, the outbox of listings (one persisted job per listing), the audit
// watcher, targets and credentials, and the connectivity probe of the selected gateway.
import { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { ProductReadiness } from '../../../shared/contract/publish.ts'
import {
  ACTIVE_LISTING_STATES, DEFAULT_PUBLISH_SETTINGS, PAVILION_LANGUAGE, PublishSettings, PublishTarget,
  type Listing, type ListingLanguage, type ReadinessProblem
} from '../../../shared/domain/publish.ts'
import type { Product } from '../../../shared/domain/product.ts'
import type { CoreModule, Services } from '../core.ts'
import type { JobKind } from '../jobs/runner.ts'
import { AUDIT_JOB, AuditWatcher } from './audit.ts'
import { BuiltinSandbox } from './builtin-sandbox.ts'
import { PhotobankCache, RulesCache } from './caches.ts'
import { PavilionError, reasonOf, type Reason } from './errors.ts'
import { msg, MessageParams, type Message } from '../../../shared/messages/message.ts'
import { authorizeUrl, exchangeAuthCode } from './client.ts'
import { ListingStore, errorColumns, listingError, type ListingRow } from './listing-store.ts'
import { keepPavilionState } from './keep-on-restore.ts'
import { listingContent } from './listing-content.ts'
import { describeVariantOptions } from './variant-options.ts'
import { LISTING_JOB, Outbox, pavilionCategoryOf } from './outbox.ts'
import { checkReadiness, type Readiness } from './readiness.ts'
import { PublishTargets } from './targets.ts'
import { assertSecretEndpoint } from '../platform/endpoints.ts'
import { categoryArea } from './categories/area.ts'

const SETTINGS_KEY = 'publish'
const AUTH_KEY = 'publish.auth'
const RULES_JOB = 'publish.rules'
const AuthProblem = z.object({
  target: PublishTarget, code: z.string().default('publish_signin_required'), params: MessageParams.optional(), message: z.string(), at: z.string(), pausedQueue: z.boolean()
}).nullable()

export function publishModule(s: Services): CoreModule<'publish'> {
  let cached: PublishSettings | null = null
  const settings = (): PublishSettings => (cached ??= s.settings.get(SETTINGS_KEY, PublishSettings, DEFAULT_PUBLISH_SETTINGS))
  const listings = new ListingStore(s.db)
  const rules = new RulesCache(s.db)
  const photobank = new PhotobankCache(s.db)
  const builtin = new BuiltinSandbox(s.paths.dataDir)
  const targets = new PublishTargets({ secrets: s.secrets, settings, builtin })
  const enqueueRules = (target: PublishTarget) =>
    s.jobs.enqueue(RULES_JOB, { target }, { title: msg('publish:job.rules'), dedupeKey: `${RULES_JOB}:${target}` })
  // Linking a category downloads its rules at once (readiness then checks against them).
  const categoriesPart = categoryArea({ s, rules, targets, target: () => settings().target, afterLink: () => enqueueRules(settings().target) })
  const finished: number[] = []
  const languagesFor = (t: PublishTarget): ListingLanguage[] => (settings()[t].chinese ? ['en', 'zh-CN'] : ['en'])
  const emitListings = (ids?: string[]) => s.events.emit('data.changed', { entity: 'publish.listing', ids })

  const onAuthProblem = (target: string, reason: Reason) => {
    const current = s.settings.get(AUTH_KEY, AuthProblem, null)
    if (current?.target === target && current.code === reason.code && current.message === reason.message) return
    const wasPaused = s.jobs.pausedKinds().includes(LISTING_JOB)
    s.jobs.pauseKind(LISTING_JOB)
    s.settings.set(AUTH_KEY, {
      target, code: reason.code, params: reason.params, message: reason.message, at: s.clock.now().toISOString(), pausedQueue: !wasPaused || (current?.pausedQueue ?? false)
    })
    s.log.warn(`publishing stopped for ${target}: ${reason.message}`)
    emitListings()
  }

  /** "Publish CHI-2021-075 (English)": what the jobs panel calls a listing's job. */
  const listingTitle = (row: ListingRow, action: 'publish' | 'unpublish' | 'republish' | 'show'): Message => {
    let sku = ''
    try {
      sku = s.products.get(row.product_id).sku
    } catch {
      sku = ''
    }
    return msg(sku ? `publish:job.${action}` : `publish:job.${action}Deleted`, { sku, language: row.language })
  }

  const enqueueListingJob = (row: ListingRow, action: 'publish' | 'unpublish' | 'republish' | 'show') => {
    const job = s.jobs.enqueue(LISTING_JOB, { listingId: row.id }, { title: listingTitle(row, action), dedupeKey: `${LISTING_JOB}:${row.id}` })
    if (row.job_id !== job.id) listings.update(row.id, { job_id: job.id })
    return job
  }

  const audit = new AuditWatcher({
    s, listings, targets,
    pollMs: () => settings().auditPollSeconds * 1000,
    onAuthProblem,
    requeue: (row) => enqueueListingJob(row, 'show')
  })
  const outbox = new Outbox({
    s, listings, rules, photobank, targets, settings, onAuthProblem,
    watchAudit: (t) => audit.watch(t as PublishTarget)
  })
  const listingJob = outbox.listingJob
  const run = listingJob.run
  listingJob.run = async (job) => {
    try {
      return await run(job)
    } finally {
      finished.push(Date.now())
      if (finished.length > 500) finished.splice(0, finished.length - 500)
    }
  }

  const readinessOf = (product: Product, target: PublishTarget, language: ListingLanguage): Readiness => {
    const catId = pavilionCategoryOf(s.categories, product.categoryId)
    const cachedRules = catId ? rules.get(target, catId, PAVILION_LANGUAGE[language].schema) : null
    const content = listingContent(s, product)
    return checkReadiness({
      product, family: product.familyId ? s.families.get(product.familyId) : undefined, language, pavilionCategoryId: catId,
      schema: cachedRules?.fields ?? null, images: content.images, eurToUsd: settings().eurToUsd, variants: content.variants
    })
  }

  const topLevelIds = (): string[] =>
    (s.db.prepare('SELECT id FROM products WHERE parent_id IS NULL ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id)

  const titleOf = (p: Product, language: ListingLanguage) => p.texts[language]?.title ?? p.texts.it?.title ?? Object.values(p.texts).find((t) => t.title)?.title ?? p.sku

  const toListing = (row: ListingRow): Listing => {
    let sku: string | null = null
    let title = ''
    let variantCount = 0
    try {
      const p = s.products.get(row.product_id)
      sku = p.sku
      title = titleOf(p, row.language)
      variantCount = p.variantCount
    } catch {
      title = '(deleted product)'
    }
    let jobState: string | null = null
    let runAfter: string | null = null
    if (row.job_id) {
      try {
        const job = s.jobs.get(row.job_id)
        jobState = job.state
        runAfter = job.runAfter
      } catch { /* job pruned */ }
    }
    return {
      id: row.id, productId: row.product_id, sku, title, variantCount, target: row.target, language: row.language, intent: row.intent, state: row.state,
      jobId: row.job_id, jobState, remoteId: row.remote_id, remoteStatus: row.remote_status, remoteDisplay: row.remote_display,
      reconciling: row.pending_op !== null, problems: row.problems ? (JSON.parse(row.problems) as ReadinessProblem[]) : [],
      error: listingError(row),
      failures: row.failures, runAfter, updatedAt: row.updated_at, publishedAt: row.published_at
    }
  }

  const rulesJob: JobKind<{ target: PublishTarget }> = {
    kind: RULES_JOB,
    payload: z.object({ target: PublishTarget }),
    requiresOnline: true,
    maxAttempts: 3,
    async run(job) {
      const { target } = job.payload
      const rt = await targets.runtime(target)
      const now = () => s.clock.now().toISOString()
      // The tree itself is downloaded by its own job; here only the mapped leaves and the chain above
      // them. Categories linked while this runs are picked up before it ends (links dedupe onto it).
      const mappedNow = () => [...new Set(s.categories.list().map((c) => c.pavilionCategoryId).filter((x): x is string => !!x))]
      const done = new Set<string>()
      let categories = 0
      let fetched = 0
      const problems: string[] = []
      for (let todo = mappedNow(); todo.length; todo = mappedNow().filter((id) => !done.has(id))) {
        for (const catId of todo) {
          job.throwIfStopped()
          done.add(catId)
          let c
          try {
            c = await categoriesPart.browser.load(target, catId, false, job.signal)
          } catch (err) {
            // A link made offline to an id the pavilion does not have: readiness keeps saying so.
            if (!(err instanceof PavilionError && err.kind === 'rejected')) throw err
            problems.push(`${catId}: ${err.message}`)
            continue
          }
          for (const parent of c.parent_ids) if (!rules.category(target, parent)) await categoriesPart.browser.load(target, parent, false, job.signal)
          categories++
          for (const language of languagesFor(target)) {
            job.throwIfStopped()
            const res = await rt.api.schemaGet(catId, PAVILION_LANGUAGE[language].schema, job.signal)
            if (res.ok) {
              rules.put(target, catId, PAVILION_LANGUAGE[language].schema, res.xml, now())
              fetched++
            } else problems.push(`${catId}: ${res.messages.join('; ') || res.codes.join('; ')}`)
            job.progress(done.size, mappedNow().length, msg('publish:job.rulesOf', { category: catId }))
          }
          s.events.emit('data.changed', { entity: 'publish.rules' })
        }
      }
      s.events.emit('data.changed', { entity: 'publish.rules' })
      return { categories, rules: fetched, problems }
    }
  }

  // The built-in sandbox starts on demand: when publishing is used (any publish call) or the
  // catalogue already has listings. Until then nothing is probed (a catalogue that never
  // publishes does not run a gateway). An external gateway is probed from the start.
  let active = false
  const activate = () => {
    if (active) return
    active = true
    applyProbe()
  }
  const applyProbe = () => {
    if (!active) return
    const target = settings().target
    s.connectivity.setProbe({
      target: targets.describe(target),
      run: async (signal) => {
        const url = await targets.baseUrl(target)
        const rt = await targets.runtime(target).catch(() => null)
        if (rt) return rt.api.client.ping(signal)
        // No credentials yet: the gateway answering at all is what "online" means.
        const { IcbuClient } = await import('./client.ts')
        return new IcbuClient({ baseUrl: url, limiter: targets.limiters[target], gateway: targets.gateways[target], credentials: async () => { throw new Error('none') }, saveTokens: async () => {} }).ping(signal)
      }
    })
  }

  const selection = (productIds: string[] | undefined) => productIds ?? topLevelIds()

  /** New credentials: a queue stopped for the sign-in goes on by itself. */
  const signedIn = (target: PublishTarget) => {
    const problem = s.settings.get(AUTH_KEY, AuthProblem, null)
    if (problem && problem.target === target) {
      s.settings.set(AUTH_KEY, null)
      if (problem.pausedQueue) s.jobs.resumeKind(LISTING_JOB)
    }
    if (target === settings().target) void s.connectivity.check()
  }

  const credentialState = async (t: PublishTarget) => {
    const raw = await s.secrets.get(`publish.${t}.credentials`)
    if (t === 'sandbox' && targets.usesBuiltin('sandbox')) return { set: true, appKey: raw ? (JSON.parse(raw) as { appKey: string }).appKey : null }
    return { set: !!raw, appKey: raw ? (JSON.parse(raw) as { appKey: string }).appKey : null }
  }

  /** The sample catalogue's products are invented: they never go to the real Alibaba.com. */
  const sampleStaysInSandbox = (target: PublishTarget) => {
    if (s.demo && target === 'alibaba') {
      throw new AppError('publish_demo_sandbox_only', 'This is the sample catalogue: it publishes to the built-in sandbox only, never to Alibaba.com. Go back to your catalogue to publish there.')
    }
  }

  const handlers: CoreModule<'publish'>['handlers'] = {
    async status() {
      const t = settings().target
      const counts = listings.counts(t)
      const pending = ACTIVE_LISTING_STATES.reduce((n, st) => n + (counts[st] ?? 0), 0)
      const recent = finished.filter((ts) => Date.now() - ts < 120_000)
      let etaSeconds: number | null = null
      if (pending > 0 && recent.length >= 3) {
        const rate = (recent.length - 1) / ((recent[recent.length - 1] - recent[0]) / 1000 || 1)
        etaSeconds = Math.round(pending / rate)
      }
      return {
        target: t, gateway: targets.describe(t), paused: s.jobs.pausedKinds().includes(LISTING_JOB),
        authProblem: s.settings.get(AUTH_KEY, AuthProblem, null), counts, pending, inAudit: counts.in_audit ?? 0, etaSeconds,
        ratePerSecond: settings().ratePerSecond,
        credentials: { sandbox: await credentialState('sandbox'), alibaba: await credentialState('alibaba') }
      }
    },

    readiness(input) {
      const target = input.target ?? settings().target
      const ids = selection(input.productIds)
      const items: ProductReadiness[] = []
      const summary = { ready: 0, blocked: 0, warnings: 0, pending: 0, byProblem: {} as Record<string, number> }
      for (const id of ids) {
        let product: Product
        try {
          product = s.products.get(id)
        } catch {
          throw new AppError(ErrorCodes.notFound, `No product with id ${id}`, { params: { id } })
        }
        for (const language of languagesFor(target)) {
          const r = readinessOf(product, target, language)
          const listing = listings.byKey(product.id, target, language)
          const unchanged = !!(r.contentHash && listing?.published_hash === r.contentHash && listing.remote_id)
          if (r.ready) summary.ready++
          else summary.blocked++
          if (r.problems.some((p) => p.severity === 'warning')) summary.warnings++
          // Sendable but not fully checked (the chart's and the badge's "da verificare"; a blocked one is "da correggere").
          if (r.ready && r.problems.some((p) => p.severity === 'pending')) summary.pending++
          for (const p of r.problems) summary.byProblem[p.code] = (summary.byProblem[p.code] ?? 0) + 1
          if (input.onlyProblems && r.problems.length === 0) continue
          items.push({ productId: product.id, sku: product.sku, title: titleOf(product, language), language, ready: r.ready, unchanged, listingState: listing?.state ?? null, problems: r.problems })
        }
      }
      return { items: items.slice(input.offset, input.offset + input.limit), total: items.length, summary }
    },

    productStates(input) {
      const target = settings().target
      const items = []
      for (const id of input.productIds) {
        let product: Product
        try {
          product = s.products.get(id)
        } catch {
          continue // deleted meanwhile: the list reloads
        }
        let ready = true
        let pending = false
        const blocking: ReadinessProblem[] = []
        for (const language of languagesFor(target)) {
          const r = readinessOf(product, target, language)
          ready &&= r.ready
          pending ||= r.problems.some((p) => p.severity === 'pending')
          blocking.push(...r.problems.filter((p) => p.severity === 'error'))
        }
        const rows = listings.forProduct(id)
        items.push({
          productId: id, ready, pending, problems: blocking.length, firstProblem: blocking[0] ?? null,
          listings: rows.map((l) => ({ target: l.target, language: l.language, state: l.state, publishedAt: l.published_at }))
        })
      }
      return { target, items }
    },

    enqueue(input) {
      const target = input.target ?? settings().target
      sampleStaysInSandbox(target)
      const ids = selection(input.productIds)
      let queued = 0
      let unchanged = 0
      let needsFixing = 0
      const now = s.clock.now().toISOString()
      s.db.transaction(() => {
        for (const id of ids) {
          const product = s.products.get(id)
          for (const language of languagesFor(target)) {
            const r = readinessOf(product, target, language)
            const existing = listings.byKey(product.id, target, language)
            if (!r.ready) {
              listings.setIntent(product.id, target, language, 'publish', 'needs_fixing', r.problems.filter((p) => p.severity !== 'warning'), now)
              needsFixing++
              continue
            }
            if (existing && existing.intent === 'publish' && existing.remote_id && r.contentHash && existing.published_hash === r.contentHash &&
              (existing.state === 'published' || existing.state === 'in_audit')) {
              unchanged++
              continue
            }
            const row = listings.setIntent(product.id, target, language, 'publish', 'queued', null, now)
            listings.log(row.id, now, 'queued', null)
            enqueueListingJob(row, 'publish')
            queued++
          }
        }
      })()
      emitListings()
      s.connectivity.publish()
      return { queued, unchanged, needsFixing }
    },

    unpublish(input) {
      const target = input.target ?? settings().target
      const ids = selection(input.productIds)
      let queued = 0
      const now = s.clock.now().toISOString()
      s.db.transaction(() => {
        for (const id of ids) {
          for (const language of languagesFor(target)) {
            const existing = listings.byKey(id, target, language)
            if (!existing || (existing.state === 'offline' && existing.intent === 'unpublish')) continue
            const row = listings.setIntent(id, target, language, 'unpublish', 'unpublishing', null, now)
            listings.log(row.id, now, 'unpublish', null)
            enqueueListingJob(row, 'unpublish')
            queued++
          }
        }
      })()
      emitListings()
      return { queued }
    },

    listings(input) {
      const { rows, total } = listings.list({ target: input.target ?? settings().target, states: input.states, productId: input.productId, limit: input.limit, offset: input.offset })
      return { items: rows.map(toListing), total }
    },

    listing(input) {
      const row = listings.get(input.id)
      if (!row) throw new AppError(ErrorCodes.notFound, `No listing with id ${input.id}`, { params: { id: input.id } })
      return { ...toListing(row), history: listings.history(row.id, 100) }
    },

    retry(input) {
      const target = settings().target
      const rows = input.allFailed
        ? listings.list({ target, states: ['failed'], limit: 100_000, offset: 0 }).rows
        : (input.ids ?? []).map((id) => listings.get(id)).filter((r): r is ListingRow => !!r)
      const now = s.clock.now().toISOString()
      let queued = 0
      s.db.transaction(() => {
        for (const row of rows) {
          if (!['failed', 'needs_fixing', 'cancelled', 'queued'].includes(row.state)) continue
          const next = listings.setIntent(row.product_id, row.target, row.language, row.intent, row.intent === 'publish' ? 'queued' : 'unpublishing', null, now)
          listings.log(next.id, now, 'retry', null)
          const job = enqueueListingJob(next, row.intent === 'publish' ? 'republish' : 'unpublish')
          if (job.state === 'failed' || job.state === 'cancelled') s.jobs.retry(job.id)
          queued++
        }
      })()
      emitListings()
      return { queued }
    },

    cancel(input) {
      let cancelled = 0
      const now = s.clock.now().toISOString()
      for (const id of input.ids) {
        const row = listings.get(id)
        if (!row || !ACTIVE_LISTING_STATES.includes(row.state)) continue
        if (row.job_id) {
          try {
            s.jobs.cancel(row.job_id)
          } catch { /* already gone */ }
        }
        listings.update(row.id, { state: 'cancelled', updated_at: now })
        listings.log(row.id, now, 'cancelled', row.pending_op ? msg('publish:detail.awaitsReconcile') : null)
        cancelled++
      }
      emitListings(input.ids)
      return { cancelled }
    },

    pause() {
      s.jobs.pauseKind(LISTING_JOB)
      emitListings()
      return { paused: true }
    },

    resume() {
      s.jobs.resumeKind(LISTING_JOB)
      s.settings.set(AUTH_KEY, null)
      emitListings()
      return { paused: false }
    },

    getSettings() {
      return { ...settings(), secretsBackend: s.secrets.describe().backend }
    },

    updateSettings(input) {
      if (input.target) sampleStaysInSandbox(input.target)
      const next = PublishSettings.parse({ ...settings(), ...input })
      // Gateways receive the seller's credentials: https only (plain http only to this computer).
      if (input.alibaba) assertSecretEndpoint(next.alibaba.url)
      if (input.sandbox?.url) assertSecretEndpoint(next.sandbox.url!)
      s.settings.set(SETTINGS_KEY, next)
      cached = null
      targets.applySettings()
      s.jobs.setConcurrency(LISTING_JOB, next.concurrency)
      if (input.target !== undefined || input.sandbox !== undefined || input.alibaba !== undefined) applyProbe()
      return next
    },

    async setCredentials(input) {
      sampleStaysInSandbox(input.target)
      await targets.setCredentials(input.target, { appKey: input.appKey, appSecret: input.appSecret, accessToken: input.accessToken, refreshToken: input.refreshToken })
      signedIn(input.target)
      return { ok: true }
    },

    async authorizeUrl(input) {
      const target = input.target ?? settings().target
      return { url: authorizeUrl(await targets.baseUrl(target), input.appKey, input.redirectUri) }
    },

    async signIn(input) {
      sampleStaysInSandbox(input.target)
      let tokens
      // The app secret and the code go only to an https gateway (or this computer).
      await targets.origin(input.target)
      try {
        tokens = await exchangeAuthCode({ baseUrl: await targets.baseUrl(input.target), appKey: input.appKey, appSecret: input.appSecret, code: input.code, gateway: targets.gateways[input.target] })
      } catch (err) {
        if (err instanceof PavilionError) {
          const reason = reasonOf(err)
          throw new AppError('publish_sign_in_failed', `Alibaba.com did not accept the sign-in: ${err.message}`, { params: { ...reason.params, reason: reason.code } })
        }
        throw err
      }
      await targets.setCredentials(input.target, { appKey: input.appKey, appSecret: input.appSecret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, account: tokens.account ?? undefined })
      signedIn(input.target)
      return { ok: true, account: tokens.account }
    },

    async clearCredentials(input) {
      await targets.clearCredentials(input.target)
      return { ok: true }
    },

    async testConnection(input) {
      const target = input.target ?? settings().target
      const started = Date.now()
      let gateway = targets.describe(target)
      try {
        gateway = await targets.baseUrl(target)
        const rt = await targets.runtime(target)
        await rt.api.listProducts({ language: 'ENGLISH', page: 1, pageSize: 1 })
        return { ok: true, gateway, message: 'The gateway accepted a signed call with these credentials.', code: null, latencyMs: Date.now() - started }
      } catch (err) {
        const reason = reasonOf(err)
        return { ok: false, gateway, message: reason.message, code: reason.code, params: reason.params, latencyMs: Date.now() - started }
      }
    },

    refreshRules(input) {
      const target = input.target ?? settings().target
      categoriesPart.ensureTree(target)
      return { jobId: enqueueRules(target).id }
    },

    ...categoriesPart.handlers,

    variantOptions(input) {
      const target = input.target ?? settings().target
      const product = s.products.get(input.productId)
      return describeVariantOptions(s, rules, target, product, () => readinessOf(product, target, 'en'))
    },

    categories(input) {
      return { items: rules.categories(input.target ?? settings().target) }
    }
}
  for (const [name, fn] of Object.entries(handlers)) {
    ;(handlers as Record<string, unknown>)[name] = (input: unknown, ctx: unknown) => {
      activate()
      return (fn as (i: unknown, c: unknown) => unknown)(input, ctx)
    }
  }

  return {
    area: 'publish',
    jobs: [listingJob, audit.job, rulesJob, categoriesPart.treeJob],
    handlers,
    keepOnRestore(restored) {
      const kept = keepPavilionState(restored)
      if (kept.listings || kept.images) s.log.info(`restore: kept ${kept.listings} pavilion listing(s) and ${kept.images} photobank upload(s) from the replaced catalogue`)
    },
    start() {
      s.pavilionLinks.checker = categoriesPart.checker
      const hasListings = !!s.db.prepare('SELECT 1 FROM publish_listings LIMIT 1').get()
      if (hasListings || !targets.usesBuiltin(settings().target)) activate()
      // Listings left in audit by an earlier run are watched again.
      for (const t of ['sandbox', 'alibaba'] as const) if (listings.auditLanguages(t).length) audit.watch(t)
      // A listing job stopped from outside (the jobs panel) leaves its listing cancelled, not "queued" forever.
      s.events.on('job.progress', (job) => {
        if (job.kind !== LISTING_JOB || (job.state !== 'cancelled' && job.state !== 'failed')) return
        const row = s.db.prepare('SELECT id, state FROM publish_listings WHERE job_id = ?').get(job.id) as { id: string; state: string } | undefined
        if (!row || !ACTIVE_LISTING_STATES.includes(row.state as never)) return
        const now = s.clock.now().toISOString()
        listings.update(row.id, job.state === 'cancelled'
          ? { state: 'cancelled', updated_at: now }
          : { state: 'failed', ...errorColumns(job.error ? { code: job.error.code, params: job.error.params ?? {}, message: job.error.message } : { code: 'publish_unexpected', params: {}, message: 'failed' }), updated_at: now })
        listings.log(row.id, now, job.state, null)
        emitListings([row.id])
      })
    },
    async stop() {
      targets.close()
      await builtin.stop()
    }
  }
}

export { AUDIT_JOB, LISTING_JOB, RULES_JOB }
