// vetrina import FILE [--profile NAME] [--dry-run] [--json] | vetrina export FILE [--format csv|xlsx]
// | vetrina inspect FILE [--json]
import { copyFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../../../../shared/contract/errors.ts'
import type { ColumnMapping, ReportRow, Summary } from '../../../../shared/contract/spreadsheet.ts'
import { isTarget } from '../../../../shared/domain/spreadsheet/targets.ts'
import { errorText } from '../../../../shared/messages/errors.ts'
import { rowIssueText, targetLabel, warningText as fileWarningText, type AttributeNames } from '../../../../shared/messages/import.ts'
import { CLI_LANGUAGE } from '../lang.ts'
import { common, reportError, say, t, withCore, type CliSession, type CommonOptions } from '../context.ts'
import { statuses } from './products.ts'

interface ImportOptions extends CommonOptions {
  profile?: string
  dryRun?: boolean
  validRows?: boolean
  sheet?: string
  encoding?: string
  delimiter?: string
  headerRow?: string
  map?: string[]
  family?: string
  emptyCells?: string
  numberFormat?: string
  rejectedOut?: string
  reportOut?: string
}

function summaryLine(file: string, s: Summary, dryRun: boolean): string {
  const what = say(dryRun ? 'cli:import.dryRunNote' : s.written ? 'cli:import.written' : 'cli:import.notWritten')
  const merged = s.merged ? say('cli:import.merged', { count: s.merged }) : ''
  return say('cli:import.summary', { file, count: s.rows, created: s.created, updated: s.updated, unchanged: s.unchanged, merged, rejected: s.rejected, what })
}

/** A file-level warning as a sentence in the CLI's language. */
function warningText(w: { code: string; message: string; params?: Record<string, string | number> }): string {
  return fileWarningText(w, t)
}

/** Attribute names from the families, for column targets ("Gradazione alcolica"). */
async function attributeNames(api: CliSession['api']): Promise<AttributeNames> {
  const byCode = new Map<string, Record<string, string>>()
  for (const f of (await api.catalog.listFamilies()).items) for (const a of f.attributes) if (!byCode.has(a.code)) byCode.set(a.code, a.label)
  return (code) => byCode.get(code)
}

/** "Nome (italiano) [title/it]": the field in words, with the target to use in --map. */
const targetText = (code: string, names: AttributeNames) => `${targetLabel(code, t, names)} [${code}]`
const columnName = (c: { header: string; index: number }) => c.header || say('cli:import.column', { n: c.index + 1 })

const EVIDENCE = ['bom', 'utf16-pattern', 'valid-utf8', 'ascii', 'not-utf8', 'chosen']
const separatorName = (d: string) => (d === '\t' ? say('cli:inspect.tab') : `"${d}"`)

/** Where each kind of translation file is imported from the command line. */
const EXCHANGE_COMMANDS: Record<string, string> = { tmx: 'tm', xliff: 'xliff', tbx: 'glossary' }

function readOptions(o: { sheet?: string; encoding?: string; delimiter?: string; headerRow?: string }) {
  return {
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(o.encoding ? { encoding: o.encoding as never } : {}),
    ...(o.delimiter ? { delimiter: (o.delimiter === 'tab' ? '\t' : o.delimiter) as never } : {}),
    ...(o.headerRow !== undefined ? { headerRow: Number(o.headerRow) } : {})
  }
}

function issueLines(rows: ReportRow[]): string {
  return rows
    .map((r) => `  ${say('cli:import.row', { row: r.row })}${r.sku ? `  ${r.sku}` : ''}: ${r.issues.map((i) => rowIssueText(i, t)).join('; ')}`)
    .join('\n')
}

async function allReport(api: CliSession['api'], importId: string, outcomes?: Array<'rejected'>): Promise<ReportRow[]> {
  const rows: ReportRow[] = []
  let after: number | null = 0
  while (after !== null) {
    const page = await api.spreadsheet.report({ importId, outcomes, afterRow: after, limit: 1000 })
    rows.push(...page.items)
    after = page.nextAfterRow
  }
  return rows
}

/** "--map 'Prezzo EUR=trade/price'" overrides what was suggested for that column. */
function applyOverrides(columns: ColumnMapping[], maps: string[]): ColumnMapping[] {
  const out = columns.map((c) => ({ ...c }))
  for (const m of maps) {
    const at = m.lastIndexOf('=')
    const header = m.slice(0, at).trim()
    const target = m.slice(at + 1).trim()
    if (at < 0 || !isTarget(target)) throw new AppError('spreadsheet_bad_map', `--map "${m}": write it as "Column header=target", e.g. "Prezzo=trade/price".`, { params: { value: m } })
    const col = out.find((c) => c.header.toLowerCase() === header.toLowerCase()) ?? (/^[A-Z]{1,3}$/.test(header) ? out.find((_, i) => i === colIndex(header)) : undefined)
    if (!col) throw new AppError('spreadsheet_no_such_column', `--map "${m}": the file has no column "${header}". Its columns: ${out.map((c) => c.header).join(', ')}`, { params: { column: header, columns: out.map((c) => c.header).join(', ') } })
    col.target = target
  }
  return out
}

function colIndex(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64
  return n - 1
}

export function registerSpreadsheet(program: Command): void {
  common(program.command('import').description(say('cli:import.about')).argument('<file>', say('cli:import.file')))
    .option('--profile <name>', say('cli:import.profile'))
    .option('--dry-run', say('cli:import.dryRun'))
    .option('--valid-rows', say('cli:import.validRows'))
    .option('--sheet <name>', say('cli:import.sheet'))
    .option('--encoding <enc>', say('cli:import.encoding'))
    .option('--delimiter <char>', say('cli:import.delimiter'))
    .option('--header-row <n>', say('cli:import.headerRow'))
    .option('--map <header=target...>', say('cli:import.map'))
    .option('--family <code>', say('cli:import.family'))
    .option('--empty-cells <keep|clear>', say('cli:import.emptyCells'), 'keep')
    .option('--number-format <it|en>', say('cli:import.numberFormat'))
    .option('--rejected-out <file>', say('cli:import.rejectedOut'))
    .option('--report-out <file>', say('cli:import.reportOut'))
    .action(async (file: string, o: ImportOptions) => {
      try {
        await withCore(o, async ({ api, out, follow, json }) => {
          const ref = { kind: 'path' as const, path: resolve(file) }
          const read = readOptions(o)
          const inspection = await api.spreadsheet.inspect({ file: ref, read, profile: o.profile })
          const columns = applyOverrides(inspection.columns.map(({ confidence: _c, ...c }) => c), o.map ?? [])
          const settings = {
            ...inspection.settings,
            ...(o.family ? { family: o.family } : {}),
            ...(o.emptyCells ? { emptyCells: o.emptyCells as 'keep' | 'clear' } : {}),
            ...(o.numberFormat ? { numberFormat: o.numberFormat as 'it' | 'en' } : {})
          }
          if (!json) {
            const names = await attributeNames(api)
            const facts = [inspection.format.toUpperCase(), inspection.encoding, inspection.delimiter ? say('cli:inspect.separatorShort', { separator: separatorName(inspection.delimiter) }) : null,
              say('cli:inspect.headerOnRow', { row: inspection.headerRow })].filter(Boolean).join(', ')
            process.stderr.write(`${inspection.fileName}: ${facts}\n`)
            for (const c of columns) process.stderr.write(`  ${columnName(c)} → ${targetText(c.target, names)}\n`)
            for (const w of inspection.warnings) process.stderr.write(`  ! ${warningText(w)}\n`)
          }
          const started = o.dryRun
            ? await api.spreadsheet.dryRun({ file: ref, read: inspection.read, columns, settings })
            : await api.spreadsheet.importFile({ file: ref, read: inspection.read, columns, settings, mode: o.validRows ? 'valid-rows' : 'all-or-nothing' })
          let failure: AppError | null = null
          try {
            await follow(started.jobId)
          } catch (err) {
            if (!(err instanceof AppError) || err.code !== 'spreadsheet_rolled_back') throw err
            failure = err
          }
          const info = await api.spreadsheet.getImport({ importId: started.importId })
          const summary = info.summary!
          const rejected = await allReport(api, started.importId, ['rejected'])
          if (o.rejectedOut && rejected.length) copyFileSync((await api.spreadsheet.rejectedFile({ importId: started.importId, language: CLI_LANGUAGE })).path!, resolve(o.rejectedOut))
          if (o.reportOut) {
            const format = extname(o.reportOut).toLowerCase() === '.csv' ? 'csv' : 'xlsx'
            copyFileSync((await api.spreadsheet.reportFile({ importId: started.importId, format, language: CLI_LANGUAGE })).path!, resolve(o.reportOut))
          }
          out(
            () => [
              summaryLine(inspection.fileName, summary, !!o.dryRun),
              ...(summary.newCategories.length ? [say('cli:import.newCategories', { names: summary.newCategories.join(', ') })] : []),
              ...(summary.newFamilies.length ? [say('cli:import.newFamilies', { names: summary.newFamilies.join(', ') })] : []),
              ...summary.warnings.map((w) => `! ${warningText(w)}`),
              ...(rejected.length ? [say('cli:import.rejectedRows'), issueLines(rejected.slice(0, 50)), ...(rejected.length > 50 ? [say('cli:import.more', { count: rejected.length - 50 })] : [])] : []),
              ...(failure ? [errorText(failure, t)] : [])
            ].join('\n'),
            {
              importId: started.importId, jobId: started.jobId, state: info.state, summary, rejected,
              inspection: { format: inspection.format, encoding: inspection.encoding, encodingEvidence: inspection.encodingEvidence, delimiter: inspection.delimiter, sheet: inspection.sheet, headerRow: inspection.headerRow, warnings: inspection.warnings.map((w) => ({ ...w, text: warningText(w) })) }
            }
          )
          if (failure || (o.dryRun && summary.rejected > 0)) process.exitCode = 1
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('inspect').description(say('cli:inspect.about')).argument('<file>', say('cli:import.file')))
    .option('--profile <name>', say('cli:import.profile'))
    .option('--sheet <name>', say('cli:import.sheet'))
    .option('--encoding <enc>', say('cli:import.encoding'))
    .option('--delimiter <char>', say('cli:import.delimiter'))
    .option('--header-row <n>', say('cli:import.headerRow'))
    .action(async (file: string, o: ImportOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const path = resolve(file)
          let inspection
          try {
            inspection = await api.spreadsheet.inspect({ file: { kind: 'path', path }, read: readOptions(o), profile: o.profile, countRows: true })
          } catch (err) {
            // A translation file: say what it is and which command imports it.
            const kind = err instanceof AppError && err.code === 'spreadsheet_exchange_file' ? String(err.params?.kind) : null
            if (!kind) throw err
            const command = `vetrina ${EXCHANGE_COMMANDS[kind]} import ${JSON.stringify(path)}`
            out(`${say('cli:inspect.exchangeFile', { file, kind: kind.toUpperCase() })}\n  ${command}`, { file: path, kind, command })
            return
          }
          const i = inspection
          const warnings = i.warnings.map((w) => ({ ...w, text: warningText(w) }))
          const width = Math.max(0, ...i.columns.map((c) => columnName(c).length))
          const names = await attributeNames(api)
          out(() => [
            say(i.format === 'xlsx' ? 'cli:inspect.xlsx' : 'cli:inspect.csv', { file: i.fileName, bytes: i.fileSize }),
            ...(i.encoding ? [`  ${say('cli:inspect.encoding', { encoding: i.encoding, how: say(`cli:inspect.evidence.${EVIDENCE.includes(i.encodingEvidence ?? '') ? i.encodingEvidence : 'other'}`) })}`] : []),
            ...(i.delimiter ? [`  ${say('cli:inspect.separator', { separator: separatorName(i.delimiter) })}`] : []),
            ...(i.sheets.length ? [`  ${say('cli:inspect.sheets', { sheets: i.sheets.map((sh) => `${sh.name}${sh.hidden ? ` ${say('cli:inspect.hidden')}` : ''}${sh.name === i.sheet ? ` ${say('cli:inspect.read')}` : ''}`).join(', ') })}`] : []),
            `  ${i.headerRow ? say(i.headerRows > 1 ? 'cli:inspect.headerRows' : 'cli:inspect.header', { from: i.headerRow, to: i.headerRow + i.headerRows - 1 }) : say('cli:inspect.noHeader')}`,
            `  ${say('cli:inspect.rows', { count: i.rowCount ?? 0, numbers: i.numberFormat === 'it' ? '1.234,56' : '1,234.56', dates: say(`cli:inspect.dateOrder.${i.dateOrder}`) })}`,
            `  ${say('cli:inspect.columns')}`,
            ...i.columns.map((c) => `    ${columnName(c).padEnd(width)} → ${targetText(c.target, names)}`),
            ...warnings.map((w) => `  ! ${w.text}`)
          ].join('\n'), { ...i, warnings })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('export').description(say('cli:export.about')).argument('<file>', say('cli:export.file')))
    .option('--format <csv|xlsx>', say('cli:export.format'))
    .option('--csv-locale <it|en>', say('cli:export.csvLocale'), 'it')
    .option('-q, --query <text>', say('cli:export.query'))
    .option('--status <status...>', say('cli:opt.status'))
    .option('--variants <rows|group>', say('cli:export.variants'), 'rows')
    .action(async (file: string, o: CommonOptions & { format?: string; csvLocale: string; query?: string; status?: string[]; variants: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const format = (o.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx')) as 'csv' | 'xlsx'
          if (format !== 'csv' && format !== 'xlsx') throw new AppError('spreadsheet_bad_format', `--format must be csv or xlsx, not "${o.format}".`, { params: { value: String(o.format) } })
          const { jobId } = await api.spreadsheet.exportCatalog({
            format, csvLocale: o.csvLocale as 'it' | 'en', path: resolve(file), language: CLI_LANGUAGE, variantLayout: o.variants as 'rows' | 'group',
            filter: { ...(o.query ? { query: o.query } : {}), ...(o.status ? { status: statuses(o.status) as never } : {}) }
          })
          const job = await follow(jobId)
          const result = job.result as { rows: number; columns: number }
          out(say('cli:export.done', { count: result.rows, columns: result.columns, file: resolve(file) }), { file: resolve(file), ...result })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
