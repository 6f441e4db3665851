// Spreadsheet area: contract handlers and job kinds for import (inspect → dry run → apply, report,
// rejected rows, profiles) and export.
import { basename, extname } from 'node:path'
import { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { ExportInput, ImportSpec, Summary } from '../../../shared/contract/spreadsheet.ts'
import { ImportSpec as ImportSpecSchema } from '../../../shared/contract/spreadsheet.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import { fixedTargetCodes, textTargetCodes, variantTargetCodes } from '../../../shared/domain/spreadsheet/targets.ts'
import type { CoreModule, Services } from '../core.ts'
import type { CallContext } from '../dispatch.ts'
import { JobStopped } from '../jobs/errors.ts'
import type { JobKind } from '../jobs/runner.ts'
import { msg } from '../../../shared/messages/message.ts'
import { DEFAULT_LIMITS } from './limits.ts'
import { sheetError } from './errors.ts'
import { findFamily } from './import/row-mapper.ts'
import { ImportStore } from './import/import-store.ts'
import { inspectFile } from './import/inspect.ts'
import { buildPlan } from './import/plan.ts'
import { ProfileStore } from './import/profiles.ts'
import { runImport, type ImportCommitted, type RunMode } from './import/run.ts'
import { sniffFormat } from './read/sniff.ts'
import { exportCatalog } from './write/export-catalog.ts'
import { writeRejectedRows } from './write/rejected-rows.ts'
import { writeReportFile } from './write/report-file.ts'
import { rowIssueText, type AttributeNames } from '../../../shared/messages/import.ts'
import { translator } from '../../../shared/messages/translator.ts'

export const IMPORT_JOB = 'spreadsheet.import'
export const EXPORT_JOB = 'spreadsheet.export'

const ImportPayload = z.object({ importId: z.string(), mode: z.enum(['dry-run', 'all-or-nothing', 'valid-rows']) })
const ExportPayload = z.object({ request: z.any(), path: z.string().optional(), fileName: z.string() })

type ExportRequest = z.output<typeof ExportInput>

export function spreadsheetModule(s: Services): CoreModule<'spreadsheet'> {
  const imports = new ImportStore(s.db, s.clock)
  const profiles = new ProfileStore(s.db, s.clock)
  const limits = DEFAULT_LIMITS
  /** Saved mappings show up at once in every open import wizard. */
  const profileChanged = () => s.events.emit('data.changed', { entity: 'spreadsheet.profile' })

  const importJob: JobKind<z.infer<typeof ImportPayload>> = {
    kind: IMPORT_JOB,
    payload: ImportPayload,
    exclusive: true,
    unit: 'percent',
    // Interrupted (Ctrl+C, crash): shown as interrupted, applied only when the user resumes it.
    interrupted: 'pause',
    // … unless it was killed after its rows were committed: then it is done.
    completedBy(checkpoint, { importId }) {
      const c = checkpoint as Partial<ImportCommitted> | null
      if (!c?.committed || !c.summary) return null
      imports.update(importId, { state: 'applied', summary: c.summary })
      return c.summary
    },
    async run(job) {
      const { importId, mode } = job.payload
      const imp = imports.record(importId)
      imports.update(importId, { state: mode === 'dry-run' ? 'checking' : 'applying' })
      let result
      try {
        result = await runImport(s, imp, mode, job, limits)
      } catch (err) {
        const stopped = err instanceof JobStopped || job.signal.aborted
        if (!(stopped && (err as JobStopped).reason === 'shutdown')) imports.update(importId, { state: stopped ? 'cancelled' : 'failed' })
        throw err
      }
      imports.writeReport(importId, result.report)
      const { summary } = result
      const state = mode === 'dry-run' ? 'checked' : summary.written || summary.rejected === 0 ? 'applied' : mode === 'all-or-nothing' ? 'rolled-back' : 'applied'
      imports.update(importId, { state, summary })
      if (mode === 'all-or-nothing' && summary.rejected > 0) {
        throw new AppError('spreadsheet_rolled_back', `Nothing was imported: ${summary.rejected} row(s) are not valid. Fix them (see the report and the rejected rows file) or import the valid rows only.`, {
          params: { rejected: summary.rejected }
        })
      }
      return summary
    }
  }

  const exportJob: JobKind<z.infer<typeof ExportPayload>> = {
    kind: EXPORT_JOB,
    payload: ExportPayload,
    unit: 'rows',
    async run(job) {
      const request = job.payload.request as ExportRequest
      const target = job.payload.path ? { id: null, path: job.payload.path } : s.files.newDownload(job.payload.fileName)
      const out = await exportCatalog(s, request, target.path, { signal: job.signal, progress: (d, t) => job.progress(d, t, null) })
      const download = target.id ? s.files.describeDownload(target.id, target.path) : { downloadId: '', fileName: basename(target.path), size: 0, path: target.path }
      return { ...out, download }
    }
  }

  /** Creates an import for a spec and queues its job, in one transaction. */
  function start(spec: ImportSpec, mode: RunMode, ctx: CallContext): { importId: string; jobId: string } {
    const parsed = ImportSpecSchema.parse(spec)
    buildPlan(parsed.columns) // fail now on a mapping without SKU or with a target used twice
    if (parsed.settings.family && !findFamily(s.families.list(), parsed.settings.family)) {
      const known = s.families.list().map((f) => f.code).join(', ')
      throw sheetError('unknown_family', `There is no attribute family "${parsed.settings.family}". Known families: ${known}.`, { family: parsed.settings.family, known })
    }
    // Prices written without a currency are in the firm's currency unless the sheet says otherwise.
    parsed.settings.currency ??= s.settings.app().firm.currency
    const file = s.files.resolveFile(parsed.file, ctx)
    const format = sniffFormat(file, limits, parsed.read.format)
    const fileName = parsed.file.kind === 'upload' ? parsed.file.name ?? basename(file) : basename(file)
    return s.db.transaction(() => {
      const importId = imports.create({ file, fileName, format, spec: parsed })
      const job = s.jobs.enqueue(IMPORT_JOB, { importId, mode }, { title: msg(mode === 'dry-run' ? 'import:job.check' : 'import:job.apply', { file: fileName }) })
      if (mode === 'dry-run') imports.update(importId, { dryRunJobId: job.id })
      else imports.update(importId, { applyJobId: job.id, mode, state: 'applying' })
      return { importId, jobId: job.id }
    })()
  }

  /** Attribute and axis names per language, from the families (for field names in reports). */
  const attributeNames = (): AttributeNames => {
    const byCode = new Map<string, Record<string, string>>()
    for (const f of s.families.list()) for (const a of f.attributes) if (!byCode.has(a.code)) byCode.set(a.code, a.label)
    return (code) => byCode.get(code)
  }

  const download = (fileName: string, write: (path: string) => Promise<unknown>) => async () => {
    const d = s.files.newDownload(fileName)
    await write(d.path)
    return s.files.describeDownload(d.id, d.path)
  }

  return {
    area: 'spreadsheet',
    jobs: [importJob, exportJob],
    handlers: {
      inspect: async (input, ctx) => {
        const path = s.files.resolveFile(input.file, ctx)
        const profile = input.profile ? profiles.get(input.profile) : undefined
        return inspectFile(path, input.file.kind === 'upload' ? input.file.name : undefined, input.read, s.families.list(), limits, profile, input.countRows)
      },
      targets: () => {
        const locales = [SOURCE_LOCALE, ...s.settings.app().targetLocales]
        const group = (code: string) => {
          const head = code.split('/')[0]
          if (['trade', 'logistics', 'origin', 'images'].includes(head)) return head as 'trade' | 'logistics' | 'origin' | 'images'
          return 'product' as const
        }
        const items: Array<{ code: string; group: 'product' | 'text' | 'attribute' | 'axis' | 'trade' | 'logistics' | 'origin' | 'images' | 'ignore'; label?: Record<string, string>; type?: string; units?: string[]; families?: string[] }> = [
          { code: 'ignore', group: 'ignore' },
          ...fixedTargetCodes().map((code) => ({ code, group: group(code) })),
          ...textTargetCodes(locales).map((code) => ({ code, group: 'text' as const })),
          ...variantTargetCodes().map((code) => ({ code, group: 'axis' as const }))
        ]
        const seen = new Map<string, (typeof items)[number]>()
        for (const f of s.families.list()) {
          for (const a of f.attributes) {
            const codes = a.localizable ? locales.map((l) => `attribute/${a.code}/${l}`) : [`attribute/${a.code}`, ...(a.units.length ? [`attribute/${a.code}/unit`] : [])]
            for (const code of codes) {
              const known = seen.get(code)
              if (known) known.families!.push(f.code)
              else {
                const item = { code, group: 'attribute' as const, label: a.label, type: a.type, units: a.units, families: [f.code] }
                seen.set(code, item)
                items.push(item)
              }
            }
            if (!seen.has(`axis/${a.code}`) && (a.type === 'select' || a.type === 'text')) {
              const axis = { code: `axis/${a.code}`, group: 'axis' as const, label: a.label, families: [f.code] }
              seen.set(axis.code, axis)
              items.push(axis)
            }
          }
        }
        return { items, locales }
      },
      dryRun: (input, ctx) => {
        const { saveProfile, ...spec } = input
        const out = start(spec, 'dry-run', ctx)
        if (saveProfile) {
          profiles.save({
            name: saveProfile,
            read: { ...spec.read, sheet: undefined } as never,
            columns: spec.columns.filter((c) => c.target !== 'ignore').map(({ index: _i, ...c }) => c),
            settings: spec.settings
          })
          profileChanged()
        }
        return out
      },
      apply: (input) => {
        const imp = imports.record(input.importId)
        if (!['checked', 'rolled-back', 'failed', 'cancelled'].includes(imp.state)) {
          throw new AppError(ErrorCodes.conflict, imp.state === 'applied' ? 'This import was already applied.' : `This import is still ${imp.state}; wait for it to finish.`, {
            params: { state: imp.state }
          })
        }
        return s.db.transaction(() => {
          const job = s.jobs.enqueue(IMPORT_JOB, { importId: imp.id, mode: input.mode }, { title: msg('import:job.apply', { file: imp.fileName }) })
          imports.update(imp.id, { applyJobId: job.id, mode: input.mode, state: 'applying' })
          return { importId: imp.id, jobId: job.id }
        })()
      },
      importFile: (input, ctx) => {
        const { mode, ...spec } = input
        return start(spec, mode, ctx)
      },
      getImport: (input) => imports.info(input.importId),
      listImports: (input) => ({ items: imports.list(input.limit) }),
      report: (input) => {
        const page = imports.report(input.importId, input)
        return { ...page, summary: imports.info(input.importId).summary as Summary | null }
      },
      reportFile: (input) => {
        const imp = imports.record(input.importId)
        const base = basename(imp.fileName, extname(imp.fileName))
        const t = translator(input.language)
        return download(`${t('import:reportFile.fileName', { name: base })}.${input.format}`, (path) => writeReportFile(imports.allRows(imp.id), input.format, path, input.language, attributeNames()))()
      },
      rejectedFile: async (input) => {
        const imp = imports.record(input.importId)
        const t = translator(input.language)
        const problems = new Map<number, string>()
        for (const r of imports.allRows(imp.id)) {
          if (r.outcome !== 'rejected') continue
          problems.set(r.row, r.issues.filter((i) => i.severity === 'error').map((i) => rowIssueText(i, t)).join(' | '))
        }
        if (problems.size === 0) throw sheetError('no_rejected_rows', 'This import has no rejected rows.')
        const ext = imp.format === 'xlsx' ? 'xlsx' : extname(imp.fileName) || '.csv'
        const base = basename(imp.fileName, extname(imp.fileName))
        const name = `${t('import:reportFile.rejectedFileName', { name: base })}${ext.startsWith('.') ? ext : `.${ext}`}`
        return download(name, (path) => writeRejectedRows(imp.file, imp.spec.read, problems, path, limits, String(t('import:reportFile.problemsHeader'))))()
      },
      listProfiles: () => ({ items: profiles.list() }),
      saveProfile: (input) => {
        const saved = profiles.save(input)
        profileChanged()
        return saved
      },
      deleteProfile: (input) => {
        const deleted = profiles.delete(input.name)
        profileChanged()
        return { deleted }
      },
      exportCatalog: (input, ctx) => {
        if (input.path && ctx.transport === 'http') throw new AppError(ErrorCodes.forbidden, 'Browser mode cannot write files by path; the export is offered as a download.')
        const stamp = s.clock.now().toISOString().slice(0, 10)
        const { path, language, ...request } = input
        const fileName = `${translator(language)('import:exportFileName', { date: stamp })}.${input.format}`
        const job = s.jobs.enqueue(EXPORT_JOB, { request, path, fileName }, { title: msg('import:job.export', { format: input.format.toUpperCase() }) })
        return { jobId: job.id }
      }
    }
  }
}
