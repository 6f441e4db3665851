// Contract handlers and jobs of the translation area.
import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { MtProviderName, UnitKey } from '../../../shared/contract/translation.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import type { CoreModule, Services } from '../core.ts'
import type { CallContext } from '../dispatch.ts'
import type { JobKind } from '../jobs/runner.ts'
import { GlossaryStore } from './glossary/glossary-store.ts'
import { readGlossaryCsv, readTbx } from './glossary/import.ts'
import { assertSecretEndpoint, bindSecretOrigin, forgetSecretOrigin, originOf } from '../platform/endpoints.ts'
import { providerLabel, readMtConfig, SECRET, writeMtConfig } from './mt/config.ts'
import { deeplUrl } from './mt/deepl.ts'
import { MtService } from './mt/service.ts'
import { TmStore } from './tm/tm-store.ts'
import { readTmx, writeTmx } from './tm/tmx.ts'
import { editorToStored, parseStored, UnitStore } from './units.ts'
import { summarize, unitDetail } from './workspace.ts'
import { XliffService } from './xliff/service.ts'
import { xmlFileError } from './xml/file-errors.ts'
import { XmlError } from './xml/xml.ts'
import { fieldToText } from '../../../shared/domain/translation/units.ts'
import { msg } from '../../../shared/messages/message.ts'

const MAX_TMX_BYTES = 100 * 1024 * 1024
const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024

function actorOf(ctx: CallContext): string | null {
  return ctx.actor ?? (ctx.role === 'translator' ? 'translator' : null)
}

function readLimited(path: string, max: number, what: string): Buffer {
  const size = statSync(path).size
  if (size > max) throw new AppError('file_too_large', `The ${what} is ${Math.round(size / 1024 / 1024)} MB; the limit is ${Math.round(max / 1024 / 1024)} MB.`, { params: { size, max } })
  return readFileSync(path)
}

function asAppError(err: unknown, kind: 'tmx' | 'glossary'): never {
  if (err instanceof AppError) throw err
  if (err instanceof XmlError) throw xmlFileError(err, `${kind}_invalid`, kind === 'tmx' ? 'TMX file' : 'glossary file')
  // codes: tmx_unreadable, glossary_unreadable
  throw new AppError(`${kind}_unreadable`, `The ${kind} file could not be read: ${(err as Error).message}`)
}

/** Internals reachable from tests (the module's services for one open core). */
export const translationInternals = new WeakMap<Services, { mt: MtService; tm: TmStore; units: UnitStore; xliff: XliffService; glossary: GlossaryStore }>()

export function translationModule(s: Services): CoreModule<'translation'> {
  const glossary = new GlossaryStore(s.db, s.clock)
  const tm = new TmStore(s.db, s.clock)
  const units = new UnitStore(s, glossary, tm)
  const mt = new MtService(s, units, glossary)
  const xliff = new XliffService(s, units)
  translationInternals.set(s, { mt, tm, units, xliff, glossary })
  s.products.addWriteHook((ev) => units.onProductWrite(ev))
  let mtTimer: NodeJS.Timeout | null = null

  const recheckJob: JobKind<Record<string, never>> = {
    kind: 'translation.qaRecheck',
    unit: 'units',
    payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    async run(job) {
      const total = (s.db.prepare('SELECT count(*) AS n FROM tr_units').get() as { n: number }).n
      let after = (job.checkpoint as UnitKey | null) ?? null
      let done = 0
      for (;;) {
        job.throwIfStopped()
        const r = units.recheckBatch(after, 500)
        if (!r.count) break
        after = r.last
        done += r.count
        job.checkpointNow(after)
        job.progress(done, total)
        await new Promise((resolve) => setImmediate(resolve))
      }
      s.events.emit('data.changed', { entity: 'translation' })
      return { checked: done }
    }
  }

  const tmImportJob: JobKind<{ file: string; name: string }> = {
    kind: 'translation.tmImport',
    unit: 'entries',
    payload: z.object({ file: z.string(), name: z.string() }),
    interrupted: 'pause',
    async run(job) {
      let parsed
      try {
        parsed = readTmx(readLimited(job.payload.file, MAX_TMX_BYTES, 'TMX file'), { source: SOURCE_LOCALE, targets: units.targetLocales() }, { maxBytes: MAX_TMX_BYTES })
      } catch (err) {
        asAppError(err, 'tmx')
      }
      let imported = 0
      let skipped = 0
      const total = parsed.entries.length
      for (let i = 0; i < total; i += 1000) {
        job.throwIfStopped()
        s.db.transaction(() => {
          for (const e of parsed.entries.slice(i, i + 1000)) {
            const r = tm.add({ ...e, origin: `tmx:${job.payload.name}`.slice(0, 200) })
            if (r.created) imported++
            else skipped++
          }
        })()
        job.progress(Math.min(total, i + 1000), total)
        await new Promise((resolve) => setImmediate(resolve))
      }
      return { imported, skipped, problems: parsed.problems.slice(0, 200).map((p) => ({ unitId: p.params.unit === undefined ? null : String(p.params.unit), code: p.code, message: p.message, line: p.line, params: p.params })) }
    }
  }

  const tmExportJob: JobKind<{ targetLocales?: string[] }> = {
    kind: 'translation.tmExport',
    unit: 'entries',
    payload: z.object({ targetLocales: z.array(z.string()).optional() }),
    async run(job) {
      const dl = s.files.newDownload(`vetrina-memory-${s.clock.now().toISOString().slice(0, 10)}.tmx`)
      const n = await writeTmx(dl.path, tm.entries(job.payload.targetLocales), s.appVersion)
      job.progress(n, n)
      return { entries: n, file: s.files.describeDownload(dl.id, dl.path) }
    }
  }

  const resolveFile = (ref: Parameters<typeof s.files.resolve>[0], ctx: CallContext) => {
    const path = s.files.resolveFile(ref, ctx)
    return { path, name: ref.kind === 'upload' ? ref.name ?? 'upload' : path }
  }

  const providerInfo = async (name: MtProviderName) => {
    const cfg = readMtConfig(s)[name]
    const p = mt.providers[name]
    const options: Record<string, string | number | boolean> = { rateLimit: cfg.rateLimit }
    if (name === 'alibaba') options.pivot = cfg.pivot
    if (name === 'deepl') options.englishVariant = cfg.englishVariant
    return {
      name, label: providerLabel(name), enabled: cfg.enabled, configured: await p.configured(), baseUrl: cfg.baseUrl,
      route: name === 'alibaba' ? `via English (${cfg.pivot === 'english' ? 'the English translation' : providerLabel(cfg.pivot)}) into Chinese` : 'direct from Italian',
      options
    }
  }

  return {
    area: 'translation',
    jobs: [mt.job(), xliff.exportJob(), xliff.importJob(), recheckJob, tmImportJob, tmExportJob],
    start() {
      units.reconcile()
      mtTimer = setInterval(() => void mt.wakeReachable().catch((err) => s.log.warn('MT reachability check failed', err)), 20_000)
      mtTimer.unref?.()
      s.events.on('data.changed', (e) => {
        if (e.entity === 'settings' && e.ids?.includes('app')) units.reconcile()
        if (e.entity === 'settings' && e.ids?.includes('translation.limits')) units.invalidateLimits()
        if (e.entity === 'settings' && e.ids?.includes('translation.limits')) s.jobs.enqueue('translation.qaRecheck', {}, { title: msg('translate:job.qaRecheck'), dedupeKey: 'translation.qaRecheck' })
      })
    },
    stop() {
      if (mtTimer) clearInterval(mtTimer)
    },
    handlers: {
      listUnits: (input) => {
        const { limit, offset, ...sel } = input
        const r = units.list(sel, limit, offset)
        return { items: r.items.map(summarize), total: r.total }
      },
      getUnit: (input) => {
        units.assertTargetLocale(input.locale)
        return unitDetail(s, units, tm, glossary, input)
      },
      saveUnit: (input, ctx) => {
        units.assertTargetLocale(input.locale)
        const v = units.view(input)
        if (input.expectedRev !== undefined && input.expectedRev !== v.rev) {
          throw new AppError(ErrorCodes.conflict, `This unit was changed meanwhile (revision ${v.rev}, you had ${input.expectedRev}). Reload it and try again.`, { params: { current: v.rev, expected: input.expectedRev } })
        }
        const sourceText = fieldToText(input.field, parseStored(input.field, v.source))
        const stored = editorToStored(input.field, input.text, sourceText)
        units.writeTarget({ key: input, text: stored, status: input.status, origin: 'human', actor: actorOf(ctx), override: input.override })
        s.events.emit('data.changed', { entity: 'translation', ids: [`${input.productId}.${input.field}.${input.locale}`] })
        return unitDetail(s, units, tm, glossary, input)
      },
      setStatus: (input, ctx) => units.setStatus(units.keys(input.selection), input.status, input.override, actorOf(ctx)),
      pretranslate: (input, ctx) => {
        const keys = units.keys({ ...input.selection, statuses: ['new'] })
        let filled = 0
        s.db.transaction(() => {
          for (const key of keys) {
            const v = units.view(key)
            if (v.target) continue
            const text = fieldToText(key.field, parseStored(key.field, v.source))
            const best = tm.lookup({ sourceLang: SOURCE_LOCALE, targetLang: key.locale, text, field: key.field, productId: key.productId, limit: 1, minScore: 100 })[0]
            if (!best || (input.minTier === 'context' && best.tier !== 'context') || (best.tier !== 'context' && best.tier !== 'exact')) continue
            units.writeTarget({ key, text: fieldToText(key.field, parseStored(key.field, best.target)), status: 'translated', origin: 'tm', actor: actorOf(ctx) })
            filled++
          }
        })()
        if (filled) s.events.emit('data.changed', { entity: 'translation' })
        return { filled, considered: keys.length }
      },
      stats: () => {
        const rows = s.db.prepare(`SELECT locale, status, count(*) AS n, sum(stale) AS stale, sum(qa_errors > 0) AS qe, sum(qa_errors = 0 AND qa_warnings > 0) AS qw
          FROM tr_units u WHERE EXISTS (SELECT 1 FROM product_texts s WHERE s.product_id = u.product_id AND s.locale = 'it' AND s.field = u.field)
          GROUP BY locale, status`).all() as Array<{ locale: string; status: string; n: number; stale: number; qe: number; qw: number }>
        const locales = units.targetLocales().map((locale) => {
          const mine = rows.filter((r) => r.locale === locale)
          return {
            locale,
            byStatus: Object.fromEntries(mine.map((r) => [r.status, r.n])),
            stale: mine.reduce((n, r) => n + (r.stale ?? 0), 0),
            qaErrors: mine.reduce((n, r) => n + (r.qe ?? 0), 0),
            qaWarnings: mine.reduce((n, r) => n + (r.qw ?? 0), 0),
            total: mine.reduce((n, r) => n + r.n, 0)
          }
        })
        return { locales }
      },
      recheckQa: () => ({ jobId: s.jobs.enqueue('translation.qaRecheck', {}, { title: msg('translate:job.qaRecheck'), dedupeKey: 'translation.qaRecheck' }).id }),

      tmLookup: (input) => ({
        matches: tm.lookup({ sourceLang: SOURCE_LOCALE, targetLang: input.targetLocale, text: input.text, field: input.field ?? null, productId: input.productId ?? null, limit: input.limit, minScore: input.minScore })
      }),
      tmImport: (input, ctx) => {
        const f = resolveFile(input.file, ctx)
        return { jobId: s.jobs.enqueue('translation.tmImport', { file: f.path, name: f.name }, { title: msg('translate:job.tmImport', { file: basename(f.name) }) }).id }
      },
      tmExport: (input) => ({ jobId: s.jobs.enqueue('translation.tmExport', { targetLocales: input.targetLocales }, { title: msg('translate:job.tmExport') }).id }),
      tmStats: () => ({ pairs: tm.pairs() }),

      listTerms: (input) => ({ items: glossary.list(input) }),
      saveTerm: (input) => {
        const { term } = glossary.save({ ...input, targetLang: input.targetLang })
        s.events.emit('data.changed', { entity: 'glossary', ids: [String(term.id)] })
        return term
      },
      deleteTerm: (input) => {
        glossary.delete(input.id)
        s.events.emit('data.changed', { entity: 'glossary', ids: [String(input.id)] })
        return { deleted: true as const }
      },
      importGlossary: (input, ctx) => {
        const f = resolveFile(input.file, ctx)
        const bytes = readLimited(f.path, MAX_GLOSSARY_BYTES, 'glossary file')
        const format = input.format ?? (/\.(tbx|xml)$/i.test(extname(f.name) || extname(f.path)) ? 'tbx' : 'csv')
        let parsed
        try {
          if (format === 'tbx') parsed = readTbx(bytes, { source: SOURCE_LOCALE, targets: units.targetLocales() })
          else {
            if (!input.targetLang) throw new AppError(ErrorCodes.validation, 'Choose the target language of the CSV glossary.', { issues: [{ path: 'targetLang', message: 'required for CSV' }] })
            parsed = readGlossaryCsv(bytes, input.targetLang)
          }
        } catch (err) {
          asAppError(err, 'glossary')
        }
        let imported = 0
        let updated = 0
        const problems = parsed.problems.map((p) => ({ unitId: null, code: p.code, message: p.message, line: p.line, ...(p.params ? { params: p.params } : {}) }))
        s.db.transaction(() => {
          for (const t of parsed.terms) {
            try {
              const r = glossary.save(t)
              if (r.created) imported++
              else updated++
            } catch (err) {
              if (err instanceof AppError) problems.push({ unitId: null, code: err.code, message: `${t.source || t.target}: ${err.message}`, line: null })
              else throw err
            }
          }
        })()
        if (imported + updated > 0) {
          s.events.emit('data.changed', { entity: 'glossary' })
          s.jobs.enqueue('translation.qaRecheck', {}, { title: msg('translate:job.qaRecheck'), dedupeKey: 'translation.qaRecheck' })
        }
        return { imported, updated, skipped: problems.length, problems: problems.slice(0, 200) }
      },

      mtProviders: async () => ({ items: await Promise.all((['deepl', 'libretranslate', 'alibaba'] as const).map(providerInfo)) }),
      configureMt: async (input) => {
        const all = readMtConfig(s)
        const cfg = { ...all[input.provider] }
        if (input.enabled !== undefined) cfg.enabled = input.enabled
        if (input.baseUrl !== undefined) cfg.baseUrl = input.baseUrl
        if (input.rateLimit !== undefined) cfg.rateLimit = input.rateLimit
        if (input.pivot !== undefined) cfg.pivot = input.pivot
        // Where the keys will be sent: https, or http to this computer only (see platform/endpoints.ts).
        const keyGiven = input.provider === 'alibaba' ? input.accessKeySecret : input.apiKey
        const keyName = input.provider === 'deepl' ? SECRET.deeplKey : input.provider === 'libretranslate' ? SECRET.libreKey : SECRET.alibabaSecret
        const hasKey = keyGiven === undefined ? !!(await s.secrets.get(keyName)) : !!keyGiven
        const endpoint = input.provider === 'deepl'
          ? deeplUrl(cfg.baseUrl, (input.apiKey || (await s.secrets.get(SECRET.deeplKey))) ?? '')
          : input.provider === 'alibaba' ? (cfg.baseUrl ?? 'https://mt.cn-hangzhou.aliyuncs.com') : cfg.baseUrl
        if (endpoint && hasKey) assertSecretEndpoint(endpoint)
        writeMtConfig(s, { ...all, [input.provider]: cfg })
        const secret = async (name: string, value: string | null | undefined) => {
          if (value === undefined) return
          if (value === null || value === '') {
            await s.secrets.delete(name)
            await forgetSecretOrigin(s.secrets, name)
          } else {
            await s.secrets.set(name, value)
            if (endpoint) await bindSecretOrigin(s.secrets, name, originOf(endpoint))
          }
        }
        if (input.provider === 'deepl') await secret(SECRET.deeplKey, input.apiKey)
        if (input.provider === 'libretranslate') await secret(SECRET.libreKey, input.apiKey)
        if (input.provider === 'alibaba') {
          await secret(SECRET.alibabaId, input.accessKeyId)
          await secret(SECRET.alibabaSecret, input.accessKeySecret)
        }
        return providerInfo(input.provider)
      },
      machineTranslate: async (input, ctx) => {
        const p = mt.providers[input.provider]
        const cfg = readMtConfig(s)[input.provider]
        if (!cfg.enabled || !(await p.configured())) {
          throw new AppError('mt_not_configured', `${p.label} is not set up or not enabled (translation settings).`, { params: { provider: p.label } })
        }
        const keys = units.keys(input.selection)
        if (!keys.length) throw new AppError('translation_nothing_selected', 'No units match the selection.')
        const job = s.jobs.enqueue('translation.mt', { provider: input.provider, units: keys, actor: actorOf(ctx) }, {
          title: msg('translate:job.mt', { provider: p.label, count: keys.length })
        })
        return { jobId: job.id, units: keys.length }
      },

      createTranslatorLink: (input) => {
        const issued = s.links.issue('translator', input.label, input.validDays)
        if (!issued) {
          throw new AppError('browser_mode_off', 'Browser mode is not running: start it (npm run web, or vetrina web --lan for the office network) to share a translator link.')
        }
        const officeNetwork = issued.listeningOnOffice
          ? (issued.officeLinks.length ? 'on' : 'noAddress')
          : s.settings.app().lanAccess ? 'restart' : 'off'
        return { label: input.label, links: issued.links, officeLinks: issued.officeLinks, officeNetwork, expiresAt: issued.expiresAt, id: issued.id } as const
      },

      xliffExport: (input) => ({
        jobId: s.jobs.enqueue('translation.xliffExport', { version: input.version, selection: input.selection }, { title: msg('translate:job.xliffExport', { version: input.version }) }).id
      }),
      xliffImport: (input, ctx) => {
        const f = resolveFile(input.file, ctx)
        const job = s.jobs.enqueue('translation.xliffImport', { file: f.path, name: f.name, dryRun: input.dryRun, force: input.force, actor: actorOf(ctx) }, {
          title: msg(input.dryRun ? 'translate:job.xliffCheck' : 'translate:job.xliffImport', { file: basename(f.name) })
        })
        return { jobId: job.id }
      }
    }
  }
}
