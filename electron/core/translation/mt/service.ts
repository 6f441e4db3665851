// Machine translation as a persisted job: units are translated in batches per target locale,
// each batch committed with its checkpoint, so a job that waits for the network, is rate-limited
// or is interrupted resumes where it stopped. Results land as "machine" only where no person has
// worked yet; otherwise they are kept as suggestions.
import pThrottle from 'p-throttle'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors.ts'
import { UnitKey, type MtProviderName } from '../../../../shared/contract/translation.ts'
import { SOURCE_LOCALE } from '../../../../shared/domain/locales.ts'
import type { TextField } from '../../../../shared/domain/product.ts'
import type { Services } from '../../core.ts'
import { RetryLater, WaitForNetwork } from '../../jobs/errors.ts'
import { OFFLINE_MESSAGE, type JobKind, type RunningJob } from '../../jobs/runner.ts'
import type { GlossaryStore } from '../glossary/glossary-store.ts'
import { parseStored, type UnitStore } from '../units.ts'
import { AlibabaProvider } from './alibaba.ts'
import { readMtConfig } from './config.ts'
import { DeeplProvider } from './deepl.ts'
import { MtError } from './errors.ts'
import { LibreTranslateProvider } from './libretranslate.ts'
import type { MtProvider } from './provider.ts'
import { msg } from '../../../../shared/messages/message.ts'

/** A unit machine translation left out, with why (translate:errors.<code>). */
export interface MtProblem { unitId: string; code: string; message: string; params: Record<string, string> }

export const MtPayload = z.object({
  provider: z.enum(['deepl', 'libretranslate', 'alibaba']),
  units: z.array(UnitKey),
  actor: z.string().nullable().default(null)
})
export type MtPayload = z.infer<typeof MtPayload>

/** Waits up to this long inside the job when a service asks to slow down; longer waits park the job. */
const MAX_INLINE_WAIT_MS = 20_000
/** Rate limits and server errors are retried with growing pauses this many times. */
const MAX_TRANSIENT_RETRIES = 8

interface Item { key: z.infer<typeof UnitKey>; texts: string[]; source: string; format: 'text' | 'html' }

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(t)
      reject(signal.reason)
    }, { once: true })
  })
}

export class MtService {
  private readonly s: Services
  private readonly units: UnitStore
  private readonly glossary: GlossaryStore
  readonly providers: Record<MtProviderName, MtProvider>
  private throttles = new Map<string, { rate: number; fn: (p: MtProvider, req: Parameters<MtProvider['translate']>[0], signal: AbortSignal) => Promise<string[]> }>()

  constructor(s: Services, units: UnitStore, glossary: GlossaryStore) {
    this.s = s
    this.units = units
    this.glossary = glossary
    this.providers = { deepl: new DeeplProvider(s), libretranslate: new LibreTranslateProvider(s), alibaba: new AlibabaProvider(s) }
  }

  /** Sends a request through the provider's rate limiter (requests per second from the settings). */
  private call(p: MtProvider, req: Parameters<MtProvider['translate']>[0], signal: AbortSignal): Promise<string[]> {
    const rate = readMtConfig(this.s)[p.name].rateLimit
    let t = this.throttles.get(p.name)
    if (!t || t.rate !== rate) {
      const limit = Math.max(1, Math.round(rate))
      const throttle = pThrottle({ limit, interval: Math.round((1000 * limit) / rate) })
      t = { rate, fn: throttle((prov: MtProvider, r: typeof req, sig: AbortSignal) => prov.translate(r, sig)) }
      this.throttles.set(p.name, t)
    }
    return t.fn(p, req, signal)
  }

  /** Translates with retries for rate limits and splitting for oversize batches. */
  private async translateBatch(p: MtProvider, req: Parameters<MtProvider['translate']>[0], signal: AbortSignal): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call(p, req, signal)
      } catch (err) {
        if (!(err instanceof MtError)) throw err
        if (err.kind === 'rate_limited' && (err.retryAfterMs ?? 0) <= MAX_INLINE_WAIT_MS && attempt < 3) {
          await sleep(err.retryAfterMs ?? 1000, signal)
          continue
        }
        if (err.kind === 'too_large' && req.texts.length > 1) {
          const half = Math.ceil(req.texts.length / 2)
          const a = await this.translateBatch(p, { ...req, texts: req.texts.slice(0, half) }, signal)
          const b = await this.translateBatch(p, { ...req, texts: req.texts.slice(half) }, signal)
          return [...a, ...b]
        }
        throw err
      }
    }
  }

  /** A unit the provider could not translate: its code and params, and which product, field and language it is. */
  private problem(key: Item['key'], code: string, message: string, params: Record<string, string>): MtProblem {
    let sku = ''
    try {
      sku = this.s.products.get(key.productId).sku
    } catch { /* deleted meanwhile */ }
    return { unitId: `${key.productId}.${key.field}.${key.locale}`, code, message, params: { ...params, sku, field: key.field, locale: key.locale } }
  }

  /** The text the provider starts from: Italian, or English for providers without Italian. */
  private async pivotSource(p: MtProvider, key: Item['key'], italian: string, signal: AbortSignal): Promise<{ text: string } | { problem: string; code: string; params: Record<string, string> }> {
    const from = p.sourceFor(key.locale)
    if (from === null) return { problem: `${p.label} cannot translate Italian into ${key.locale}; use DeepL or LibreTranslate.`, code: 'mt_no_italian', params: { provider: p.label, locale: key.locale } }
    if (from === SOURCE_LOCALE) return { text: italian }
    const cfg = readMtConfig(this.s).alibaba
    const en = this.units.get({ ...key, locale: 'en' })
    const enText = this.units.targetText(key.productId, key.field, 'en')
    if (en && enText && !en.stale && en.status !== 'new') return { text: enText }
    if (cfg.pivot === 'english') return { problem: 'No up-to-date English translation to start from (Alibaba Cloud translates from English only).', code: 'mt_no_english', params: {} }
    const pivot = this.providers[cfg.pivot]
    if (!(await pivot.configured())) return { problem: `${pivot.label} is not set up, so Italian cannot be turned into English first.`, code: 'mt_pivot_not_configured', params: { provider: pivot.label } }
    const [text] = await this.translateBatch(pivot, {
      texts: [italian], sourceLang: SOURCE_LOCALE, targetLang: 'en', format: key.field === 'description' ? 'html' : 'text',
      scene: key.field === 'description' || key.field === 'shortDescription' ? 'description' : 'title',
      glossary: this.glossary.forPair(SOURCE_LOCALE, 'en')
    }, signal)
    return { text }
  }

  /**
   * The connectivity monitor probes the publishing gateway, not the MT services (a LAN
   * LibreTranslate can be up while the internet is down). So MT jobs parked "offline" are woken
   * here as soon as their own service answers.
   */
  async wakeReachable(): Promise<string[]> {
    const rows = this.s.db.prepare("SELECT id, payload FROM jobs WHERE kind = 'translation.mt' AND state = 'waiting' AND message = ?").all(JSON.stringify(OFFLINE_MESSAGE)) as Array<{ id: string; payload: string }>
    const woken: string[] = []
    const checked = new Map<string, boolean>()
    for (const r of rows) {
      const name = (JSON.parse(r.payload) as MtPayload).provider
      if (!checked.has(name)) {
        const url = await this.providers[name].probeUrl()
        let ok = false
        if (url) {
          try {
            await fetch(url, { method: 'GET', signal: AbortSignal.timeout(5000) })
            ok = true
          } catch {
            ok = false
          }
        }
        checked.set(name, ok)
      }
      if (checked.get(name)) {
        this.s.jobs.wake(r.id)
        woken.push(r.id)
      }
    }
    return woken
  }

  job(): JobKind<MtPayload> {
    return {
      kind: 'translation.mt',
      payload: MtPayload,
      // 0: the runner never fails a job for RetryLater; transient errors are counted (and capped)
      // in the checkpoint instead, while quota or key problems fail at once with their message.
      maxAttempts: 0,
      concurrency: 1,
      unit: 'units',
      run: (job) => this.run(job)
    }
  }

  private async run(job: RunningJob<MtPayload>): Promise<unknown> {
    const p = this.providers[job.payload.provider]
    if (!(await p.configured())) throw new AppError('mt_not_configured', `${p.label} is not set up yet (translation settings).`, { params: { provider: p.label } })
    const cp = (job.checkpoint as { next: number; machine: number; suggested: number; transient?: number; problems: MtProblem[] } | null) ??
      { next: 0, machine: 0, suggested: 0, transient: 0, problems: [] }
    const all = job.payload.units
    job.progress(cp.next, all.length, null)
    let i = cp.next
    try {
      while (i < all.length) {
        job.throwIfStopped()
        // One batch: same locale and format, within the provider's limits.
        const first = all[i]
        const items: Item[] = []
        let chars = 0
        let j = i
        for (; j < all.length && items.length < p.maxBatch; j++) {
          const key = all[j]
          if (key.locale !== first.locale || (key.field === 'description') !== (first.field === 'description')) break
          const stored = this.units.sourceText(key.productId, key.field as TextField)
          if (!stored) {
            cp.problems.push(this.problem(key, 'mt_no_source', 'No Italian source any more.', {}))
            continue
          }
          const italian = key.field === 'keywords' ? (parseStored('keywords', stored) as string[]).join('\n') : stored
          const pivot = await this.pivotSource(p, key, italian, job.signal)
          if ('problem' in pivot) {
            cp.problems.push(this.problem(key, pivot.code, pivot.problem, pivot.params))
            continue
          }
          const texts = key.field === 'keywords' ? pivot.text.split('\n').filter(Boolean) : [pivot.text]
          const size = texts.reduce((n, t) => n + t.length, 0)
          if (items.length && chars + size > p.maxChars) break
          chars += size
          items.push({ key, texts, source: stored, format: key.field === 'description' ? 'html' : 'text' })
        }
        const texts = items.flatMap((it) => it.texts)
        let results: string[] = []
        if (texts.length) {
          try {
            results = await this.translateBatch(p, {
              texts, sourceLang: p.sourceFor(first.locale) ?? SOURCE_LOCALE, targetLang: first.locale, format: items[0].format,
              scene: first.field === 'description' || first.field === 'shortDescription' ? 'description' : 'title',
              glossary: this.glossary.forPair(SOURCE_LOCALE, first.locale)
            }, job.signal)
          } catch (err) {
            if (err instanceof MtError && (err.kind === 'bad_request' || err.kind === 'unsupported' || err.kind === 'too_large')) {
              // codes: mt_bad_request, mt_unsupported, mt_too_large
              for (const it of items) cp.problems.push(this.problem(it.key, `mt_${err.kind}`, err.message, { provider: p.label }))
              results = []
            } else throw err
          }
        }
        // Commit the batch and the checkpoint together.
        this.s.db.transaction(() => {
          let k = 0
          for (const it of results.length ? items : []) {
            const out = results.slice(k, k + it.texts.length)
            k += it.texts.length
            const text = it.key.field === 'keywords' ? JSON.stringify(out.map((t) => t.trim()).filter(Boolean)) : out.join('')
            if (this.store(it, text, p.name, job.payload.actor)) cp.machine++
            else cp.suggested++
          }
          cp.next = j
          job.checkpointNow(cp)
        })()
        i = j
        job.progress(i, all.length, msg('translate:job.mtProgress', { machine: cp.machine, suggested: cp.suggested }))
      }
    } catch (err) {
      if (err instanceof MtError) {
        if (err.kind === 'offline') throw new WaitForNetwork(err.message)
        if (err.kind === 'rate_limited' || err.kind === 'server') {
          cp.transient = (cp.transient ?? 0) + 1
          job.checkpointNow(cp)
          // codes: mt_rate_limited, mt_server
          if (cp.transient > MAX_TRANSIENT_RETRIES) throw new AppError(`mt_${err.kind}`, `${err.message} Gave up after ${MAX_TRANSIENT_RETRIES} retries.`, { params: { provider: p.label } })
          // codes: mt_rate_limited, mt_server
          throw new RetryLater(Math.max(err.retryAfterMs ?? 0, Math.min(15 * 60_000, 10_000 * 2 ** cp.transient)), err.message, `mt_${err.kind}`, { provider: p.label })
        }
        // codes: mt_offline, mt_rate_limited, mt_quota, mt_auth, mt_too_large, mt_server, mt_bad_request, mt_unsupported
        throw new AppError(`mt_${err.kind}`, err.message, { params: { provider: p.label } })
      }
      throw err
    }
    this.s.events.emit('data.changed', { entity: 'translation' })
    return { provider: p.name, units: all.length, machine: cp.machine, suggestions: cp.suggested, problems: cp.problems }
  }

  /** Keeps the result as a suggestion; writes it as the target only where nobody has worked yet. */
  private store(it: Item, text: string, provider: string, actor: string | null): boolean {
    const now = this.s.clock.now().toISOString()
    this.s.db.prepare(`INSERT INTO tr_suggestions (product_id, field, locale, provider, source_text, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(product_id, field, locale, provider) DO UPDATE SET source_text = excluded.source_text, text = excluded.text, created_at = excluded.created_at`)
      .run(it.key.productId, it.key.field, it.key.locale, provider, it.source, text, now)
    const unit = this.units.get(it.key)
    if (!unit) return false
    const current = this.units.targetText(it.key.productId, it.key.field as TextField, it.key.locale)
    const untouched = unit.status === 'new' || (unit.status === 'machine' && unit.origin === 'machine')
    if (!untouched || (unit.status === 'new' && current)) return false
    const editorText = it.key.field === 'keywords' ? (JSON.parse(text) as string[]).join('\n') : text
    this.units.writeTarget({ key: it.key, text: editorText, status: 'machine', origin: 'machine', actor: actor ? `${provider} for ${actor}` : provider })
    return true
  }
}
