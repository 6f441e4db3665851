// vetrina import FILE [--profile NAME] [--dry-run] [--json] | vetrina export FILE [--format csv|xlsx]
// | vetrina inspect FILE [--json]
import { copyFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../../../../shared/contract/errors.ts'
import type { ColumnMapping, ReportRow, Summary } from '../../../../shared/contract/spreadsheet.ts'
import { isTarget } from '../../../../shared/domain/spreadsheet/targets.ts'
import type { TFunction } from '../../../../shared/messages/translator.ts'
import { common, reportError, withCore, type CliSession, type CommonOptions } from '../context.ts'

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
  const what = dryRun ? 'dry run, nothing written' : s.written ? 'written' : 'nothing written'
  const merged = s.merged ? `, ${s.merged} added images to an earlier row` : ''
  return `${file}: ${s.rows} rows — ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged${merged}, ${s.rejected} rejected (${what})`
}

/** The sentences of the message catalogues, loaded only by the commands that print them (not at every start). */
async function sentences(): Promise<TFunction> {
  return (await import('../../../../shared/messages/translator.ts')).translator('en')
}

/** A file-level warning as a sentence (the catalogue's English until the CLI speaks the user's language). */
function warningText(w: { code: string; message: string; params?: Record<string, string | number> }, t: TFunction): string {
  const key = `import:warning.${w.code}`
  return t(key, { defaultValue: '' }) ? String(t(key, { ...(w.params ?? {}) })) : w.message
}

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
    .map((r) => `  row ${r.row}${r.sku ? `  ${r.sku}` : ''}: ${r.issues.map((i) => `${i.column ? `${i.column}: ` : ''}${i.message}`).join('; ')}`)
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
    if (at < 0 || !isTarget(target)) throw new AppError('spreadsheet_bad_map', `--map "${m}": write it as "Column header=target", e.g. "Prezzo=trade/price".`)
    const col = out.find((c) => c.header.toLowerCase() === header.toLowerCase()) ?? (/^[A-Z]{1,3}$/.test(header) ? out.find((_, i) => i === colIndex(header)) : undefined)
    if (!col) throw new AppError('spreadsheet_bad_map', `--map "${m}": the file has no column "${header}". Its columns: ${out.map((c) => c.header).join(', ')}`)
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
  common(program.command('import').description('import products from a CSV or XLSX file (matched by SKU)').argument('<file>'))
    .option('--profile <name>', 'use a saved column mapping')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('--valid-rows', 'import the valid rows even if some are rejected (default: all or nothing)')
    .option('--sheet <name>', 'XLSX sheet (default: the first visible one)')
    .option('--encoding <enc>', 'utf-8, utf-16le, utf-16be or windows-1252 (default: detected)')
    .option('--delimiter <char>', 'CSV separator: , ; tab | (default: detected)')
    .option('--header-row <n>', 'row number of the header (0: no header)')
    .option('--map <header=target...>', 'map a column, e.g. "Prezzo=trade/price" (repeatable)')
    .option('--family <code>', 'attribute family of new products (wine, olive_oil, leather …)')
    .option('--empty-cells <keep|clear>', 'what empty cells do to existing products', 'keep')
    .option('--number-format <it|en>', '1.234,56 (it) or 1,234.56 (en) (default: detected)')
    .option('--rejected-out <file>', 'write the rejected rows (original format) to this file')
    .option('--report-out <file>', 'write the full report (.csv or .xlsx) to this file')
    .action(async (file: string, o: ImportOptions) => {
      try {
        await withCore(o, async ({ api, out, follow, json }) => {
          const ref = { kind: 'path' as const, path: resolve(file) }
          const read = readOptions(o)
          const t = await sentences()
          const inspection = await api.spreadsheet.inspect({ file: ref, read, profile: o.profile })
          const columns = applyOverrides(inspection.columns.map(({ confidence: _c, ...c }) => c), o.map ?? [])
          const settings = {
            ...inspection.settings,
            ...(o.family ? { family: o.family } : {}),
            ...(o.emptyCells ? { emptyCells: o.emptyCells as 'keep' | 'clear' } : {}),
            ...(o.numberFormat ? { numberFormat: o.numberFormat as 'it' | 'en' } : {})
          }
          if (!json) {
            process.stderr.write(`${inspection.fileName}: ${inspection.format}${inspection.encoding ? `, ${inspection.encoding}` : ''}${inspection.delimiter ? `, separator "${inspection.delimiter === '\t' ? 'tab' : inspection.delimiter}"` : ''}, header on row ${inspection.headerRow}\n`)
            for (const c of columns) process.stderr.write(`  ${c.header || `(column ${c.index + 1})`} → ${c.target}\n`)
            for (const w of inspection.warnings) process.stderr.write(`  ! ${warningText(w, t)}\n`)
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
          if (o.rejectedOut && rejected.length) copyFileSync((await api.spreadsheet.rejectedFile({ importId: started.importId })).path!, resolve(o.rejectedOut))
          if (o.reportOut) {
            const format = extname(o.reportOut).toLowerCase() === '.csv' ? 'csv' : 'xlsx'
            copyFileSync((await api.spreadsheet.reportFile({ importId: started.importId, format })).path!, resolve(o.reportOut))
          }
          out(
            () => [
              summaryLine(inspection.fileName, summary, !!o.dryRun),
              ...(summary.newCategories.length ? [`New categories: ${summary.newCategories.join(', ')}`] : []),
              ...(summary.newFamilies.length ? [`New families: ${summary.newFamilies.join(', ')}`] : []),
              ...summary.warnings.map((w) => `! ${warningText(w, t)}`),
              ...(rejected.length ? ['Rejected rows:', issueLines(rejected.slice(0, 50)), ...(rejected.length > 50 ? [`  … and ${rejected.length - 50} more (--report-out FILE for all)`] : [])] : []),
              ...(failure ? [failure.message] : [])
            ].join('\n'),
            {
              importId: started.importId, jobId: started.jobId, state: info.state, summary, rejected,
              inspection: { format: inspection.format, encoding: inspection.encoding, encodingEvidence: inspection.encodingEvidence, delimiter: inspection.delimiter, sheet: inspection.sheet, headerRow: inspection.headerRow, warnings: inspection.warnings.map((w) => ({ ...w, text: warningText(w, t) })) }
            }
          )
          if (failure || (o.dryRun && summary.rejected > 0)) process.exitCode = 1
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('inspect').description('say what a file is and how Vetrina would read it: format, encoding, separator, sheets, header, rows, suggested columns').argument('<file>'))
    .option('--profile <name>', 'apply a saved column mapping')
    .option('--sheet <name>', 'XLSX sheet (default: the first visible one)')
    .option('--encoding <enc>', 'utf-8, utf-16le, utf-16be or windows-1252 (default: detected)')
    .option('--delimiter <char>', 'CSV separator: , ; tab | (default: detected)')
    .option('--header-row <n>', 'row number of the header (0: no header)')
    .action(async (file: string, o: ImportOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const path = resolve(file)
          const t = await sentences()
          let inspection
          try {
            inspection = await api.spreadsheet.inspect({ file: { kind: 'path', path }, read: readOptions(o), profile: o.profile, countRows: true })
          } catch (err) {
            // A translation file: say what it is and which command imports it.
            const kind = err instanceof AppError && err.code === 'spreadsheet_exchange_file' ? String(err.params?.kind) : null
            if (!kind) throw err
            const command = `vetrina ${EXCHANGE_COMMANDS[kind]} import ${JSON.stringify(path)}`
            out(`${file}: ${kind.toUpperCase()} translation file, not a spreadsheet. Import it with:\n  ${command}`, { file: path, kind, command })
            return
          }
          const i = inspection
          const warnings = i.warnings.map((w) => ({ ...w, text: warningText(w, t) }))
          const width = Math.max(0, ...i.columns.map((c) => (c.header || `(column ${c.index + 1})`).length))
          out(() => [
            `${i.fileName}: ${i.format === 'xlsx' ? 'Excel workbook (.xlsx)' : 'CSV text'}, ${i.fileSize.toLocaleString('en')} bytes`,
            ...(i.encoding ? [`  Encoding: ${i.encoding} (${i.encodingEvidence === 'not-utf8' ? 'not UTF-8: read as Windows-1252' : i.encodingEvidence})`] : []),
            ...(i.delimiter ? [`  Separator: ${i.delimiter === '\t' ? 'tab' : `"${i.delimiter}"`}`] : []),
            ...(i.sheets.length ? [`  Sheets: ${i.sheets.map((sh) => `${sh.name}${sh.hidden ? ' (hidden)' : ''}${sh.name === i.sheet ? ' (read)' : ''}`).join(', ')}`] : []),
            `  Header: ${i.headerRow ? `row ${i.headerRow}${i.headerRows > 1 ? `–${i.headerRow + i.headerRows - 1}` : ''}` : 'none (columns named A, B, C …)'}`,
            `  ${i.rowCount} data rows · numbers ${i.numberFormat === 'it' ? '1.234,56' : '1,234.56'} · dates ${i.dateOrder}`,
            '  Columns:',
            ...i.columns.map((c) => `    ${(c.header || `(column ${c.index + 1})`).padEnd(width)} → ${c.target}`),
            ...warnings.map((w) => `  ! ${w.text}`)
          ].join('\n'), { ...i, warnings })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('export').description('export the catalogue to CSV or XLSX (imports back unchanged)').argument('<file>'))
    .option('--format <csv|xlsx>', 'file format (default: from the file name)')
    .option('--csv-locale <it|en>', 'CSV style: it = ";" and 1,5; en = "," and 1.5', 'it')
    .option('-q, --query <text>', 'only products matching this search')
    .option('--status <status...>', 'only these statuses (draft, ready, archived)')
    .option('--variants <rows|group>', 'products with variants: rows = the parent row then its variants (parent column); group = one row per variant with a group column', 'rows')
    .action(async (file: string, o: CommonOptions & { format?: string; csvLocale: string; query?: string; status?: string[]; variants: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const format = (o.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx')) as 'csv' | 'xlsx'
          if (format !== 'csv' && format !== 'xlsx') throw new AppError('spreadsheet_bad_format', `--format must be csv or xlsx, not "${o.format}".`)
          const { jobId } = await api.spreadsheet.exportCatalog({
            format, csvLocale: o.csvLocale as 'it' | 'en', path: resolve(file), variantLayout: o.variants as 'rows' | 'group',
            filter: { ...(o.query ? { query: o.query } : {}), ...(o.status ? { status: o.status as never } : {}) }
          })
          const job = await follow(jobId)
          const result = job.result as { rows: number; columns: number }
          out(`Exported ${result.rows} products (${result.columns} columns) to ${resolve(file)}`, { file: resolve(file), ...result })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
