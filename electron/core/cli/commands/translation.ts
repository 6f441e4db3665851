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
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

interface SelectionOptions { locale?: string[]; status?: string[]; stale?: boolean; product?: string[]; field?: string[] }

function selectionOptions(cmd: Command): Command {
  return cmd
    .option('--locale <locale...>', 'target locales (default: all)')
    .option('--status <status...>', 'new, machine, translated, reviewed, approved')
    .option('--stale', 'only units whose Italian source changed')
    .option('--product <sku...>', 'only these products (SKU or id)')
    .option('--field <field...>', 'title, shortDescription, description, keywords')
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
  const head = `${r.dryRun ? 'Checked (nothing written)' : 'Imported'} XLIFF ${r.version} ${r.sourceLang} → ${r.targetLang}: ${r.units} unit(s), ` +
    `${r.applied} ${r.dryRun ? 'would be applied' : 'applied'}, ${r.unchanged} unchanged, ${r.rejected} rejected, ${r.staleOnImport} stale.`
  const lines = r.problems.slice(0, 200).map((p) => `  ${p.unitId ?? '(file)'}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`)
  return [head, ...lines, ...(r.problems.length > 200 ? [`  … and ${r.problems.length - 200} more`] : [])].join('\n')
}

/** Follows a machine-translation job; a job parked offline stays queued and the command ends. */
function followMt(core: Core, jobId: string, json: boolean): Promise<Job> {
  return new Promise((resolve, reject) => {
    const check = (job: Job) => {
      if (job.id !== jobId) return
      if (!json && job.state === 'running') process.stderr.write(`${job.title}: ${job.done}/${job.total ?? '?'}${job.message ? ` · ${job.message}` : ''}\n`)
      if (job.state === 'done' || (job.state === 'waiting' && job.message?.key === OFFLINE_MESSAGE.key)) {
        off()
        resolve(job)
      } else if (job.state === 'failed' || job.state === 'cancelled') {
        off()
        // codes: passed on
        reject(new AppError(job.error?.code ?? job.state, job.error?.message ?? `${job.title}: ${job.state}`))
      }
    }
    const off = core.events.on('job.progress', check)
    check(core.s.jobs.get(jobId))
  })
}

export function registerTranslation(program: Command): void {
  const xliff = program.command('xliff').description('exchange translations with CAT tools (XLIFF 2.0 and 1.2)')

  selectionOptions(common(xliff.command('export').description('export units, one file per target locale')))
    .option('--xliff-version <v>', '2.0 or 1.2', '2.0')
    .option('--out <dir>', 'folder to write the files to', '.')
    .action(async (o: CommonOptions & SelectionOptions & { xliffVersion: string; out: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          if (o.xliffVersion !== '2.0' && o.xliffVersion !== '1.2') throw new AppError('validation', '--xliff-version must be 2.0 or 1.2.')
          const { jobId } = await api.translation.xliffExport({ version: o.xliffVersion, selection: await selection(api, o) })
          const job = await follow(jobId)
          const files = (job.result as { files: Array<{ path: string; fileName: string; locale: string; units: number }> }).files
          mkdirSync(resolve(o.out), { recursive: true })
          const written = files.map((f) => {
            const dest = join(resolve(o.out), f.fileName)
            copyFileSync(f.path, dest)
            return { locale: f.locale, units: f.units, path: dest }
          })
          out(written.map((w) => `${w.path} (${w.locale}, ${w.units} units)`).join('\n') || 'Nothing to export.', { files: written })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(xliff.command('import').description('import translations; --dry-run only validates and reports').argument('<file>'))
    .option('--dry-run', 'validate and report, write nothing')
    .option('--force', 'overwrite units changed in Vetrina since the export')
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

  const tm = program.command('tm').description('translation memory (TMX)')
  common(tm.command('import').description('add a TMX file to the translation memory').argument('<file>'))
    .action(async (file: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const job = await follow((await api.translation.tmImport({ file: { kind: 'path', path: resolve(file) } })).jobId)
          const r = job.result as { imported: number; skipped: number; problems: Array<{ message: string }> }
          out(() => [`Imported ${r.imported} entries (${r.skipped} already known).`, ...r.problems.map((p) => `  ${p.message}`)].join('\n'), r)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
  common(tm.command('export').description('write the translation memory as TMX'))
    .option('--locale <locale...>', 'only these target locales')
    .option('--out <file>', 'where to write it', 'vetrina-memory.tmx')
    .action(async (o: CommonOptions & { locale?: string[]; out: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const job = await follow((await api.translation.tmExport({ targetLocales: o.locale })).jobId)
          const r = job.result as { entries: number; file: { path: string } }
          copyFileSync(r.file.path, resolve(o.out))
          out(`${resolve(o.out)} (${r.entries} entries)`, { entries: r.entries, path: resolve(o.out) })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const glossary = program.command('glossary').description('terminology')
  common(glossary.command('import').description('import terms from TBX or CSV (source;target;kind;note)').argument('<file>'))
    .option('--format <f>', 'tbx or csv (default: from the file name)')
    .option('--target-lang <locale>', 'target language of a CSV glossary')
    .action(async (file: string, o: CommonOptions & { format?: 'tbx' | 'csv'; targetLang?: string }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const r = await api.translation.importGlossary({ file: { kind: 'path', path: resolve(file) }, format: o.format, targetLang: o.targetLang })
          out(() => [`${r.imported} new term(s), ${r.updated} updated, ${r.skipped} skipped.`, ...r.problems.map((p) => `  ${p.line ? `line ${p.line}: ` : ''}${p.message}`)].join('\n'), r)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  selectionOptions(common(program.command('translate').description('machine-translate units (results arrive as "machine", never over human work)')))
    .requiredOption('--provider <name>', 'deepl, libretranslate or alibaba')
    .action(async (o: CommonOptions & SelectionOptions & { provider: string }) => {
      try {
        await withCore(o, async ({ core, api, out, json }) => {
          const sel = await selection(api, { ...o, status: o.status ?? ['new'] })
          const { jobId, units } = await api.translation.machineTranslate({ provider: o.provider as 'deepl', selection: sel })
          const job = await followMt(core, jobId, json)
          if (job.state === 'waiting') {
            out(`${units} unit(s) queued: ${job.title} waits for the provider to be reachable and runs when it is (Vetrina must be open).`, { jobId, units, state: 'queued' })
            return
          }
          const r = job.result as { machine: number; suggestions: number; problems: Array<{ unitId: string; message: string }> }
          out(() => [`${r.machine} unit(s) machine-translated, ${r.suggestions} kept as suggestions (human work untouched).`, ...r.problems.map((p) => `  ${p.unitId}: ${p.message}`)].join('\n'), { jobId, units, ...r })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
