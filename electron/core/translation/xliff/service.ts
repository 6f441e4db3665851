// XLIFF exchange as jobs: export a selection (one file per target locale) and import a file back
// with a per-unit report. An import never lets a rejected unit touch what is stored: each unit is
// applied in its own savepoint, and a dry run only validates and reports.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors.ts'
import { UnitSelection, type ImportProblem, type XliffImportReport } from '../../../../shared/contract/translation.ts'
import { SOURCE_LOCALE } from '../../../../shared/domain/locales.ts'
import { LocalizedText, type TextField } from '../../../../shared/domain/product.ts'
import { validationError, zodIssues } from '../../catalog/product-store.ts'
import { checkInline, htmlToInline, inlineToHtml, type InlinePart } from '../../../../shared/domain/translation/inline.ts'
import { fromXliff12State, fromXliff20State } from '../../../../shared/domain/translation/xliff-states.ts'
import { limitsFor, parseUnitId, type UnitStatus } from '../../../../shared/domain/translation/units.ts'
import { countIssues } from '../../../../shared/domain/translation/qa.ts'
import type { Services } from '../../core.ts'
import type { JobKind } from '../../jobs/runner.ts'
import { newId } from '../../platform/clock.ts'
import { xmlFileError } from '../xml/file-errors.ts'
import { parseXml, XmlError } from '../xml/xml.ts'
import { memoryKey } from '../text-forms.ts'
import { parseStored, type UnitStore } from '../units.ts'
import { categoryPathOf } from '../workspace.ts'
import { normalizeLang } from '../tm/tmx.ts'
import { readXliff, type XliffExtra, type XliffUnitIn } from './read.ts'
import { validateXliff12 } from './validate12.ts'
import { validateXliff20 } from './validate20.ts'
import { writeXliff12, writeXliff20, type ExportProduct, type ExportUnit } from './write.ts'
import { msg } from '../../../../shared/messages/message.ts'

export const MAX_XLIFF_BYTES = 100 * 1024 * 1024

export const ExportPayload = z.object({ version: z.enum(['2.0', '1.2']), selection: UnitSelection })
export const ImportPayload = z.object({ file: z.string(), name: z.string(), dryRun: z.boolean(), force: z.boolean(), actor: z.string().nullable() })

interface StoredExtra { version: '1.2' | '2.0'; extra: XliffExtra }

/** Validates a document; throws an AppError listing the first violations. */
export function loadXliff(bytes: Uint8Array): ReturnType<typeof readXliff> {
  let doc
  try {
    doc = parseXml(bytes, { maxBytes: MAX_XLIFF_BYTES })
  } catch (err) {
    if (err instanceof XmlError) throw xmlFileError(err, 'xliff_malformed', 'XLIFF file')
    throw err
  }
  const version = doc.root.attrs.find((a) => a.local === 'version' && a.uri === '')?.value ?? ''
  const older = /^urn:oasis:names:tc:xliff:document:1\.[01]$/.exec(doc.root.uri) ? doc.root.uri.slice(-3) : /^1\.[01]$/.test(version) ? version : null
  if (doc.root.local === 'xliff' && (older || (version && !/^(1\.2|2\.[0-2])$/.test(version)))) {
    const declared = older ?? version
    throw new AppError('xliff_version_unsupported', `This is an XLIFF ${declared} file; Vetrina reads XLIFF 1.2 and 2.0–2.2. Save it as XLIFF 1.2 or 2.x in the translation tool, or have the files Vetrina exports translated.`, {
      params: { version: declared }
    })
  }
  const violations = version.startsWith('2') ? validateXliff20(doc.root) : validateXliff12(doc.root)
  if (violations.length) {
    throw new AppError('xliff_invalid', `The file is not valid XLIFF ${version || ''}: ${violations[0].message} (line ${violations[0].line})${violations.length > 1 ? ` and ${violations.length - 1} more problem(s)` : ''}.`, {
      params: { count: violations.length, line: violations[0].line, element: violations[0].element, version: version || '?' },
      issues: violations.slice(0, 50).map((x) => ({ path: `line ${x.line}`, message: x.message, code: x.element }))
    })
  }
  return readXliff(doc.root)
}

export class XliffService {
  private readonly s: Services
  private readonly units: UnitStore

  constructor(s: Services, units: UnitStore) {
    this.s = s
    this.units = units
  }

  /** Builds the export document(s) for a selection; returns one string per locale. */
  build(version: '2.0' | '1.2', selection: z.infer<typeof UnitSelection>): Array<{ locale: string; xml: string; units: number }> {
    const locales = selection.locales?.length ? selection.locales : this.units.targetLocales()
    const out: Array<{ locale: string; xml: string; units: number }> = []
    const overrides = this.units.limitOverrides()
    for (const locale of locales) {
      const products = new Map<string, ExportProduct>()
      const units: ExportUnit[] = []
      const paths = new Map<string, string>()
      const pathOf = (id: string) => paths.get(id) ?? paths.set(id, categoryPathOf(this.s, id)).get(id) as string
      for (const v of this.units.views({ ...selection, locales: [locale] })) {
        if (!products.has(v.product_id)) {
          products.set(v.product_id, { productId: v.product_id, sku: v.sku, title: v.product_title, categoryPath: v.category_id ? pathOf(v.category_id) : '' })
        }
        let extra: XliffExtra | null = null
        if (v.xliff_extra) {
          const stored = JSON.parse(v.xliff_extra) as StoredExtra
          if (stored.version === version) extra = stored.extra
        }
        units.push({
          productId: v.product_id, sku: v.sku, field: v.field, status: v.status, stale: v.stale === 1, rev: v.rev,
          source: v.source, target: v.target, baseSource: v.base_source, limits: limitsFor(locale, v.field, overrides), extra
        })
      }
      const input = { sourceLang: SOURCE_LOCALE, targetLang: locale, toolVersion: this.s.appVersion, products: [...products.values()], units, exportedAt: this.s.clock.now().toISOString() }
      out.push({ locale, xml: version === '2.0' ? writeXliff20(input) : writeXliff12(input), units: units.length })
    }
    return out
  }

  exportJob(): JobKind<z.infer<typeof ExportPayload>> {
    return {
      kind: 'translation.xliffExport',
      payload: ExportPayload,
      run: async (job) => {
        job.progress(0, null, msg('translate:job.collecting'))
        const docs = this.build(job.payload.version, job.payload.selection)
        const stamp = this.s.clock.now().toISOString().slice(0, 10)
        const files = docs.map((d) => {
          const dl = this.s.files.newDownload(`vetrina-${d.locale}-${stamp}.xliff${job.payload.version === '1.2' ? '12' : ''}.xlf`.replace('.xliff12.xlf', '.xlf').replace('.xliff.xlf', '.xlf'))
          writeFileSync(dl.path, d.xml)
          return { ...this.s.files.describeDownload(dl.id, dl.path), locale: d.locale, units: d.units }
        })
        job.progress(docs.length, docs.length, msg('translate:job.exported', { count: files.reduce((n, f) => n + f.units, 0) }))
        return { files }
      }
    }
  }

  importJob(): JobKind<z.infer<typeof ImportPayload>> {
    return {
      kind: 'translation.xliffImport',
      payload: ImportPayload,
      interrupted: 'pause',
      run: async (job) => {
        const size = statSync(job.payload.file).size
        if (size > MAX_XLIFF_BYTES) throw new AppError('xliff_too_large', `The file is ${Math.round(size / 1024 / 1024)} MB; the limit is ${MAX_XLIFF_BYTES / 1024 / 1024} MB.`, { params: { megabytes: Math.round(size / 1024 / 1024), limit: MAX_XLIFF_BYTES / 1024 / 1024 } })
        job.progress(0, null, msg('translate:job.reading'))
        const report = this.importBytes(readFileSync(job.payload.file), job.payload, (done, total) => job.progress(done, total))
        return report
      }
    }
  }

  /** Applies (or, in a dry run, checks) every unit of a document. */
  importBytes(bytes: Uint8Array, opts: { dryRun: boolean; force: boolean; actor: string | null }, progress?: (done: number, total: number) => void): XliffImportReport {
    const doc = loadXliff(bytes)
    const targets = this.units.targetLocales()
    const problems: ImportProblem[] = []
    const report: XliffImportReport = { dryRun: opts.dryRun, version: doc.declaredVersion, sourceLang: '', targetLang: '', units: 0, applied: 0, unchanged: 0, rejected: 0, staleOnImport: 0, problems }
    const batchId = newId('b')
    const total = doc.files.reduce((n, f) => n + f.units.length, 0)
    let done = 0
    const apply = () => {
      for (const file of doc.files) {
        const src = normalizeLang(file.sourceLang, [SOURCE_LOCALE, ...targets])
        const trg = file.targetLang ? normalizeLang(file.targetLang, [SOURCE_LOCALE, ...targets]) : ''
        report.sourceLang ||= src
        report.targetLang ||= trg
        report.units += file.units.length
        if (src !== SOURCE_LOCALE) {
          problems.push({ unitId: null, code: 'wrong_source_language', message: `The file's source language is "${file.sourceLang}"; Vetrina's source is Italian (it). Nothing was imported from it.`, params: { lang: file.sourceLang } })
          report.rejected += file.units.length
          continue
        }
        if (!trg || !targets.includes(trg)) {
          problems.push({ unitId: null, code: 'wrong_target_language', message: `The file's target language "${file.targetLang ?? '(none)'}" is not one of the catalogue's target languages (${targets.join(', ')}).`, params: { lang: file.targetLang ?? '—', targets: targets.join(', ') } })
          report.rejected += file.units.length
          continue
        }
        for (const u of file.units) {
          const outcome = this.importUnit(u, trg, doc.version, opts, batchId)
          if (outcome.problem) problems.push({ unitId: u.id, code: outcome.problem.code, message: outcome.problem.message, line: u.line, params: { unit: u.id, line: u.line, ...outcome.problem.params } })
          if (outcome.result === 'applied') report.applied++
          else if (outcome.result === 'unchanged') report.unchanged++
          else if (outcome.result === 'rejected') report.rejected++
          if (outcome.stale) report.staleOnImport++
          if (++done % 200 === 0) progress?.(done, total)
        }
      }
    }
    if (opts.dryRun) apply()
    else this.s.db.transaction(apply)()
    progress?.(done, total)
    if (!opts.dryRun && report.applied > 0) this.s.events.emit('data.changed', { entity: 'translation' })
    return report
  }

  private importUnit(u: XliffUnitIn, locale: string, version: '1.2' | '2.0', opts: { dryRun: boolean; force: boolean; actor: string | null }, batchId: string):
    { result: 'applied' | 'unchanged' | 'rejected' | 'skipped'; problem?: { code: string; message: string; params?: Record<string, string | number> }; stale?: boolean } {
    const reject = (code: string, message: string, params?: Record<string, string | number>) => ({ result: 'rejected' as const, problem: { code, message, params } })
    const ref = parseUnitId(u.id)
    if (!ref) return reject('unknown_unit', `Unknown unit id "${u.id}" (Vetrina ids look like "p_….title").`)
    const key = { productId: ref.productId, field: ref.field, locale }
    const unit = this.units.get(key)
    const sourceStored = this.units.sourceText(ref.productId, ref.field)
    if (!unit || !sourceStored) return reject('unknown_unit', `No unit "${u.id}" for ${locale} in this catalogue (deleted product or field?).`)
    if (u.problems.length) return reject('bad_inline', `Unsupported inline content: ${u.problems[0]}.`, { detail: u.problems[0] })
    if (u.target === null) return { result: 'skipped' }
    if (u.partial) return reject('partial', 'Only some segments of this unit are translated; translate all of them or none.')
    const field = ref.field as TextField
    const sourceText = field === 'keywords' ? (parseStored('keywords', sourceStored) as string[]).join('\n') : sourceStored
    const srcCodes = field === 'description' ? htmlToInline(sourceText).codes : []
    // Target: plain text, or HTML rebuilt from the source's codes.
    let targetText: string
    if (field === 'description') {
      const broken = checkInline(u.target, srcCodes).filter((p) => p.code !== 'missing_tag')
      if (broken.length) return reject('broken_markup', `The translation's tags do not match the source: ${broken[0].message}`)
      targetText = inlineToHtml(u.target, srcCodes)
    } else {
      if (u.target.some((p) => typeof p !== 'string')) return reject('unexpected_markup', `A ${field} is plain text; the translation contains inline codes.`, { field })
      targetText = (u.target as string[]).join('')
    }
    // The source the file was translated from; a different one makes the import stale.
    const fileSource = field === 'description' ? inlineToHtml(u.source, srcCodes) : partsToPlain(u.source)
    const sameSource = memoryKey(field, fileSource) === memoryKey(field, sourceText)
    const state = version === '2.0' ? fromXliff20State(u.state, u.subState, targetText.trim() !== '') : fromXliff12State(u.state, u.subState, u.approved, targetText.trim() !== '')
    let status: UnitStatus = state.status
    if (!targetText.trim()) return reject('empty_target', 'The translation is empty.')
    const currentTarget = this.units.targetText(ref.productId, field, locale)
    const currentText = currentTarget ? (field === 'keywords' ? (parseStored('keywords', currentTarget) as string[]).join('\n') : currentTarget) : ''
    const stale = !sameSource || state.stale
    if (memoryKey(field, currentText) === memoryKey(field, targetText) && unit.status === status && (unit.stale === 1) === stale) return { result: 'unchanged' }
    // Someone changed this unit in Vetrina after the export: do not overwrite silently.
    if (u.rev !== null && unit.rev > u.rev && currentText !== targetText && !opts.force) {
      return reject('conflict', `Changed in Vetrina after the export (revision ${unit.rev}, the file has ${u.rev}); use force to overwrite.`, { rev: unit.rev, fileRev: u.rev })
    }
    if (status === 'new') status = 'translated'
    const extra: StoredExtra | null = u.extra.attrs.length || u.extra.elements.length || u.extra.notes.length ? { version, extra: u.extra } : null
    let problem: { code: string; message: string } | undefined
    const write = (st: UnitStatus) => this.units.writeTarget({
      key, text: targetText, status: st, origin: 'xliff', actor: opts.actor ? `XLIFF import by ${opts.actor}` : 'XLIFF import',
      baseSource: sameSource ? undefined : (field === 'keywords' ? JSON.stringify(fileSource.split('\n').filter(Boolean)) : fileSource),
      stale, xliffExtra: extra ? JSON.stringify(extra) : null
    }, batchId)
    try {
      if (opts.dryRun) {
        const qa = this.units.qaFor(key, sourceStored, field === 'keywords' ? JSON.stringify(targetText.split('\n').filter(Boolean)) : targetText)
        if (status === 'approved' && countIssues(qa).errors > 0) problem = { code: 'qa_downgraded', message: 'Approved in the file, but QA found errors: it would be imported as reviewed.' }
        // Would the product accept it? A text change can only break the field's own rules.
        const value = field === 'keywords' ? targetText.split('\n').map((k) => k.trim()).filter(Boolean) : targetText
        const checked = LocalizedText.shape[field].safeParse(value)
        if (!checked.success) {
          const issues = zodIssues(checked.error).map((i) => ({ ...i, path: `texts.${locale}.${field}${i.path ? `.${i.path}` : ''}` }))
          throw validationError(issues)
        }
      } else {
        this.s.db.transaction(() => {
          try {
            write(status)
          } catch (err) {
            if (err instanceof AppError && err.code === 'translation_qa_blocked') {
              problem = { code: 'qa_downgraded', message: 'Approved in the file, but QA found errors: imported as reviewed.' }
              write('reviewed')
            } else throw err
          }
        })()
      }
    } catch (err) {
      if (err instanceof AppError) return reject(err.code, err.message, Object.fromEntries(Object.entries(err.params ?? {}).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')))
      throw err
    }
    if (stale && !problem) problem = { code: 'source_changed', message: 'The Italian source changed since this file was made: imported, and marked stale.' }
    return { result: 'applied', problem, stale }
  }
}

function partsToPlain(parts: InlinePart[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('')
}
