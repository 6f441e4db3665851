// vetrina xliff export|import · tm import|export · glossary import · translate --provider NAME
import { copyFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import type { Api } from '../../../../shared/contract/index.ts'
import type { Job } from '../../../../shared/contract/jobs.ts'
import type { UnitSelection, XliffImportReport } from '../../../../shared/contract/translation.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import type { Core } from '../../core.ts'
import { OFFLINE_MESSAGE } from '../../jobs/runner.ts'
import { problemText } from '../../../../shared/messages/translate.ts'
import { messageText } from '../../../../shared/messages/translator.ts'
import { common, jobFailure, jobLine, reportError, say, t, withCore, type CommonOptions } from '../context.ts'

interface SelectionOptions { locale?: string[]; status?: string[]; stale?: boolean; product?: string[]; field?: string[] }

function selectionOptions(cmd: Command): Command {
  return cmd
    .option('--locale <locale...>', say('cli:translation.locale'))
    .option('--status <status...>', say('cli:translation.status'))
    .option('--stale', say('cli:translation.stale'))
    .option('--product <sku...>', say('cli:translation.product'))
    .option('--field <field...>', say('cli:translation.field'))
}

async function selection(api: Api, o: SelectionOptions): Promise<UnitSelection> {
  const productIds = o.product?.length
    ? await Promise.all(o.product.map(async (ref) => (ref.startsWith('p_') ? ref : (await api.catalog.getProduct({ sku: ref })).id)))
    : undefined
  return {
    locales: o.locale, statuses: o.status as UnitSelection['statuses'], stale: o.stale ? true : undefined,
    fields: o.field as UnitSelection['fields'], productIds
  }
}

function printReport(r: XliffImportReport): string {
  const head = say(r.dryRun ? 'cli:xliff.checked' : 'cli:xliff.imported', {
    version: r.version, source: r.sourceLang, target: r.targetLang, count: r.units, applied: r.applied, unchanged: r.unchanged, rejected: r.rejected, stale: r.staleOnImport
  })
  const lines = r.problems.slice(0, 200).map((p) => `  ${p.unitId ?? say('cli:xliff.file')}${p.line ? ` ${say('cli:xliff.line', { line: p.line })}` : ''}: ${problemText(p, t)}`)
  return [head, ...lines, ...(r.problems.length > 200 ? [say('cli:more', { count: r.problems.length - 200 })] : [])].join('\n')
}

/** "CHI-2021-075 (Title, English): …" for a unit machine translation left out. */
function mtProblemLine(p: { unitId: string; code?: string; message: string; params?: Record<string, string> }): string {
  const where = p.params?.sku ? `${p.params.sku} (${say(`translate:field.${p.params.field}`)}, ${say(`common:languageName.${p.params.locale}`, {})})` : p.unitId
  return `  ${where}: ${p.code ? problemText({ code: p.code, message: p.message, params: p.params }, t) : p.message}`
}

/** Follows a machine-translation job; a job parked offline stays queued and the command ends. */
function followMt(core: Core, jobId: string, json: boolean): Promise<Job> {
  return new Promise((resolve, reject) => {
    const check = (job: Job) => {
      if (job.id !== jobId) return
      if (!json && job.state === 'running') process.stderr.write(`${jobLine(job)}\n`)
      if (job.state === 'done' || (job.state === 'waiting' && job.message?.key === OFFLINE_MESSAGE.key)) {
        off()
        resolve(job)
      } else if (job.state === 'failed' || job.state === 'cancelled') {
        off()
        reject(jobFailure(job))
      }
    }
    const off = core.events.on('job.progress', check)
    check(core.s.jobs.get(jobId))
  })
}

export function registerTranslation(program: Command): void {
  const xliff = program.command('xliff').description(say('cli:xliff.about'))

  selectionOptions(common(xliff.command('export').description(say('cli:xliff.export.about'))))
    .option('--xliff-version <v>', say('cli:xliff.export.version'), '2.0')
    .option('--out <dir>', say('cli:xliff.export.out'), '.')
    .action(async (o: CommonOptions & SelectionOptions & { xliffVersion: string; out: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          if (o.xliffVersion !== '2.0' && o.xliffVersion !== '1.2') throw new AppError('cli_bad_xliff_version', '--xliff-version must be 2.0 or 1.2.', { params: { value: o.xliffVersion } })
          const { jobId } = await api.translation.xliffExport({ version: o.xliffVersion, selection: await selection(api, o) })
          const job = await follow(jobId)
          const files = (job.result as { files: Array<{ path: string; fileName: string; locale: string; units: number }> }).files
          mkdirSync(resolve(o.out), { recursive: true })
          const written = files.map((f) => {
            const dest = join(resolve(o.out), f.fileName)
            copyFileSync(f.path, dest)
            return { locale: f.locale, units: f.units, path: dest }
          })
          out(written.map((w) => say('cli:xliff.export.file', { path: w.path, locale: w.locale, count: w.units })).join('\n') || say('cli:xliff.export.nothing'), { files: written })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(xliff.command('import').description(say('cli:xliff.import.about')).argument('<file>', say('cli:xliff.import.file')))
    .option('--dry-run', say('cli:xliff.import.dryRun'))
    .option('--force', say('cli:xliff.import.force'))
    .action(async (file: string, o: CommonOptions & { dryRun?: boolean; force?: boolean }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.translation.xliffImport({ file: { kind: 'path', path: resolve(file) }, dryRun: !!o.dryRun, force: !!o.force })
          const job = await follow(jobId)
          const report = job.result as XliffImportReport
          out(() => printReport(report), report)
          if (report.rejected > 0) process.exitCode = 1
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const tm = program.command('tm').description(say('cli:tm.about'))
  common(tm.command('import').description(say('cli:tm.import.about')).argument('<file>', say('cli:tm.import.file')))
    .action(async (file: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const job = await follow((await api.translation.tmImport({ file: { kind: 'path', path: resolve(file) } })).jobId)
          const r = job.result as { imported: number; skipped: number; problems: Array<{ code: string; message: string; params?: Record<string, string | number> }> }
          out(() => [say('cli:tm.import.done', { count: r.imported, skipped: r.skipped }), ...r.problems.map((p) => `  ${problemText(p, t)}`)].join('\n'), r)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
  common(tm.command('export').description(say('cli:tm.export.about')))
    .option('--locale <locale...>', say('cli:tm.export.locale'))
    .option('--out <file>', say('cli:tm.export.out'), 'vetrina-memory.tmx')
    .action(async (o: CommonOptions & { locale?: string[]; out: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const job = await follow((await api.translation.tmExport({ targetLocales: o.locale })).jobId)
          const r = job.result as { entries: number; file: { path: string } }
          copyFileSync(r.file.path, resolve(o.out))
          out(say('cli:tm.export.done', { path: resolve(o.out), count: r.entries }), { entries: r.entries, path: resolve(o.out) })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const glossary = program.command('glossary').description(say('cli:glossary.about'))
  common(glossary.command('import').description(say('cli:glossary.import.about')).argument('<file>', say('cli:glossary.import.file')))
    .option('--format <f>', say('cli:glossary.import.format'))
    .option('--target-lang <locale>', say('cli:glossary.import.targetLang'))
    .action(async (file: string, o: CommonOptions & { format?: 'tbx' | 'csv'; targetLang?: string }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const r = await api.translation.importGlossary({ file: { kind: 'path', path: resolve(file) }, format: o.format, targetLang: o.targetLang })
          out(() => [say('cli:glossary.import.done', { count: r.imported, updated: r.updated, skipped: r.skipped }), ...r.problems.map((p) => `  ${problemText(p, t)}`)].join('\n'), r)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  selectionOptions(common(program.command('translate').description(say('cli:translate.about'))))
    .requiredOption('--provider <name>', say('cli:translate.provider'))
    .action(async (o: CommonOptions & SelectionOptions & { provider: string }) => {
      try {
        await withCore(o, async ({ core, api, out, json }) => {
          const sel = await selection(api, { ...o, status: o.status ?? ['new'] })
          const { jobId, units } = await api.translation.machineTranslate({ provider: o.provider as 'deepl', selection: sel })
          const job = await followMt(core, jobId, json)
          if (job.state === 'waiting') {
            out(say('cli:translate.queued', { count: units, job: messageText(job.title, t) }), { jobId, units, state: 'queued' })
            return
          }
          const r = job.result as { machine: number; suggestions: number; problems: Array<{ unitId: string; code?: string; message: string; params?: Record<string, string> }> }
          out(() => [say('cli:translate.done', { count: r.machine, suggestions: r.suggestions }), ...r.problems.map(mtProblemLine)].join('\n'), { jobId, units, ...r })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
